package org.manyi.surveys.internal;

import static org.manyi.shared.Times.toDb;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.orders.events.OrderPlaced;
import org.manyi.platform.Mail;
import org.manyi.platform.ProblemException;
import org.manyi.surveys.SurveyId;
import org.manyi.surveys.SurveyTriggers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Surveys sent automatically some days after a customer's order or closed case, by email, under the
 * same rules as any invitation: the survey must be open, the customer must consent to email and
 * have an address, and must not have been invited within the contact interval. An event whose
 * invitation would already be due more than a day ago (an imported old order) invites nobody.
 */
@Service
public class AutomaticInvitations implements SurveyTriggers {

  private static final Logger log = LoggerFactory.getLogger(AutomaticInvitations.class);
  static final int MAX_DELAY_DAYS = 90;

  /** What sets a trigger off. */
  public enum Event {
    /** A customer placed an order (at or above the trigger's minimum amount). */
    ORDER_PLACED,
    /** A customer's feedback or complaint case was closed. */
    CASE_CLOSED
  }

  /**
   * A survey's trigger.
   *
   * @param minAmount for orders only: smaller orders send nothing; absent for every order
   */
  public record Trigger(
      SurveyId surveyId, Event event, int delayDays, @Nullable BigDecimal minAmount) {

    public Trigger {
      if (event == null) {
        throw ProblemException.invalid("event", "trigger.event.required");
      }
      if (delayDays < 0 || delayDays > MAX_DELAY_DAYS) {
        throw ProblemException.invalid("delayDays", "trigger.delay.range", MAX_DELAY_DAYS);
      }
      if (minAmount != null && minAmount.signum() < 0) {
        throw ProblemException.invalid("minAmount", "trigger.amount.negative");
      }
    }
  }

  private final JdbcClient jdbc;
  private final SurveyRepository surveys;
  private final Invitations invitations;
  private final Mail mail;
  private final Clock clock = Clock.systemUTC();

  AutomaticInvitations(
      JdbcClient jdbc, SurveyRepository surveys, Invitations invitations, Mail mail) {
    this.jdbc = jdbc;
    this.surveys = surveys;
    this.invitations = invitations;
    this.mail = mail;
  }

  @Transactional(readOnly = true)
  public Optional<Trigger> trigger(SurveyId survey) {
    return jdbc.sql(
            "SELECT survey_id, event, delay_days, min_amount FROM survey_trigger WHERE survey_id = ?")
        .param(survey.value())
        .query(
            (rs, n) ->
                new Trigger(
                    survey,
                    Event.valueOf(rs.getString("event")),
                    rs.getInt("delay_days"),
                    rs.getBigDecimal("min_amount")))
        .optional();
  }

  /**
   * Sets the survey's trigger.
   *
   * @throws ProblemException 404 unknown survey; 400 naming {@code channel} when no mail server is
   *     configured (triggers send email)
   */
  @Transactional
  public Trigger save(Trigger trigger) {
    surveys
        .find(trigger.surveyId())
        .orElseThrow(() -> ProblemException.notFound("survey.notFound"));
    if (!mail.configured()) {
      throw ProblemException.invalid("channel", "invitation.email.unavailable");
    }
    jdbc.sql("DELETE FROM survey_trigger WHERE survey_id = ?")
        .param(trigger.surveyId().value())
        .update();
    jdbc.sql(
            "INSERT INTO survey_trigger (survey_id, event, delay_days, min_amount, created_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(
            trigger.surveyId().value(),
            trigger.event().name(),
            trigger.delayDays(),
            trigger.minAmount(),
            toDb(clock.instant()))
        .update();
    return trigger;
  }

  @Transactional
  public void remove(SurveyId survey) {
    jdbc.sql("DELETE FROM survey_trigger WHERE survey_id = ?").param(survey.value()).update();
  }

  @ApplicationModuleListener
  void on(OrderPlaced order) {
    fire(Event.ORDER_PLACED, order.customer().value(), order.orderedAt(), order.total());
  }

  @Override
  @Transactional
  public void caseClosed(UUID customerId, Instant closedAt) {
    fire(Event.CASE_CLOSED, customerId, closedAt, null);
  }

  /** Invites the customer to every open survey whose trigger this event sets off. */
  void fire(Event event, UUID customer, Instant at, @Nullable BigDecimal amount) {
    if (!mail.configured()) {
      return;
    }
    Instant now = clock.instant();
    for (Trigger trigger : triggers(event)) {
      if (trigger.minAmount() != null
          && (amount == null || amount.compareTo(trigger.minAmount()) < 0)) {
        continue;
      }
      Instant sendAt = at.plus(Duration.ofDays(trigger.delayDays()));
      if (sendAt.isBefore(now.minus(Duration.ofDays(1)))) {
        continue;
      }
      Optional<Survey> survey = surveys.find(trigger.surveyId());
      if (survey.isEmpty() || !survey.get().acceptsResponses()) {
        continue;
      }
      if (invitedSince(customer, now.minus(Duration.ofDays(invitations.intervalDays())))
          || invitations.consent(customer, Invitations.Channel.EMAIL) != null) {
        continue;
      }
      invitations.create(
          new Invitations.NewInvitation(
              trigger.surveyId(),
              customer,
              Invitations.Channel.EMAIL,
              "trigger:" + event.name(),
              Invitations.DEFAULT_EXPIRY_DAYS,
              null,
              invitations.reminderAfterDays(),
              null),
          now,
          sendAt.isBefore(now) ? now : sendAt);
      log.debug("Survey {} invites customer {} after {}", trigger.surveyId(), customer, event);
    }
  }

  private List<Trigger> triggers(Event event) {
    return jdbc.sql(
            "SELECT survey_id, event, delay_days, min_amount FROM survey_trigger WHERE event = ?")
        .param(event.name())
        .query(
            (rs, n) ->
                new Trigger(
                    new SurveyId(rs.getObject("survey_id", UUID.class)),
                    event,
                    rs.getInt("delay_days"),
                    rs.getBigDecimal("min_amount")))
        .list();
  }

  private boolean invitedSince(UUID customer, Instant since) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM survey_invitation WHERE customer_id = ? AND created_at > ?")
            .params(customer, toDb(since))
            .query(Long.class)
            .single()
        > 0;
  }
}
