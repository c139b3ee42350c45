package org.manyi.interactions.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.identity.UserId;
import org.manyi.interactions.Channel;
import org.manyi.interactions.Direction;
import org.manyi.interactions.InteractionId;
import org.manyi.interactions.NewInteraction;
import org.manyi.platform.ProblemException;

/**
 * One logged conversation with a customer. Interactions are records of what happened: once logged
 * they are not edited, only moved to another customer record when two are merged.
 */
public record Interaction(
    InteractionId id,
    CustomerId customer,
    Channel channel,
    Direction direction,
    Instant occurredAt,
    @Nullable Integer durationMinutes,
    String subject,
    @Nullable String notes,
    @Nullable String outcome,
    @Nullable UUID orderId,
    @Nullable UUID caseId,
    UserId loggedBy,
    Instant loggedAt) {

  static final int SUBJECT_MAX = 200;
  static final int NOTES_MAX = 4000;
  static final int OUTCOME_MAX = 500;
  static final int DURATION_MAX_MINUTES = 24 * 60;

  /** Clocks of phones and PCs differ a little; more than this in the future is a typo. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /**
   * Checks a new interaction and gives it an identity.
   *
   * @throws ProblemException 400 naming the first field that breaks a rule
   */
  public static Interaction log(NewInteraction input, Instant now) {
    String subject = trim(input.subject());
    if (subject == null) {
      throw ProblemException.invalid("subject", "interaction.subject.required");
    }
    if (subject.length() > SUBJECT_MAX) {
      throw ProblemException.invalid("subject", "interaction.subject.tooLong", SUBJECT_MAX);
    }
    if (input.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
      throw ProblemException.invalid("occurredAt", "interaction.occurredAt.future");
    }
    Integer duration = input.durationMinutes();
    if (duration != null && (duration < 0 || duration > DURATION_MAX_MINUTES)) {
      throw ProblemException.invalid(
          "durationMinutes", "interaction.duration.range", DURATION_MAX_MINUTES);
    }
    String notes = trim(input.notes());
    if (notes != null && notes.length() > NOTES_MAX) {
      throw ProblemException.invalid("notes", "interaction.notes.tooLong", NOTES_MAX);
    }
    String outcome = trim(input.outcome());
    if (outcome != null && outcome.length() > OUTCOME_MAX) {
      throw ProblemException.invalid("outcome", "interaction.outcome.tooLong", OUTCOME_MAX);
    }
    return new Interaction(
        InteractionId.random(),
        input.customer(),
        input.channel(),
        input.direction(),
        input.occurredAt(),
        duration,
        subject,
        notes,
        outcome,
        input.orderId(),
        input.caseId(),
        input.loggedBy(),
        now);
  }

  /** The same interaction, now belonging to the surviving record of a merge. */
  Interaction movedTo(CustomerId survivor) {
    return new Interaction(
        id,
        survivor,
        channel,
        direction,
        occurredAt,
        durationMinutes,
        subject,
        notes,
        outcome,
        orderId,
        caseId,
        loggedBy,
        loggedAt);
  }

  private static @Nullable String trim(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }
}
