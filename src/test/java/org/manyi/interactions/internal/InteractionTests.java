package org.manyi.interactions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.manyi.customers.CustomerId;
import org.manyi.identity.UserId;
import org.manyi.interactions.Channel;
import org.manyi.interactions.Direction;
import org.manyi.interactions.NewInteraction;
import org.manyi.platform.ProblemException;

class InteractionTests {

  static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  static NewInteraction input(String subject, Instant at, @Nullable Integer minutes) {
    return new NewInteraction(
        CustomerId.random(),
        Channel.PHONE,
        Direction.OUTBOUND,
        at,
        minutes,
        subject,
        "  ",
        null,
        null,
        null,
        UserId.random());
  }

  @Test
  void logsWithTrimmedTextAndBlankNotesDropped() {
    Interaction i = Interaction.log(input("  回访满意度  ", NOW, 5), NOW);
    assertThat(i.subject()).isEqualTo("回访满意度");
    assertThat(i.notes()).isNull();
    assertThat(i.loggedAt()).isEqualTo(NOW);
  }

  @Test
  void rejectsMissingSubject() {
    assertThatThrownBy(() -> Interaction.log(input(" ", NOW, null), NOW))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.firstField().field()).isEqualTo("subject"));
  }

  @Test
  void rejectsATimeInTheFutureBeyondClockSkew() {
    Interaction.log(input("x", NOW.plus(Duration.ofMinutes(4)), null), NOW);
    assertThatThrownBy(() -> Interaction.log(input("x", NOW.plus(Duration.ofHours(1)), null), NOW))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.firstField().field()).isEqualTo("occurredAt"));
  }

  @Test
  void rejectsNegativeOrDayLongDurations() {
    assertThatThrownBy(() -> Interaction.log(input("x", NOW, -1), NOW))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> Interaction.log(input("x", NOW, 24 * 60 + 1), NOW))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void movesToTheSurvivorOfAMerge() {
    Interaction i = Interaction.log(input("x", NOW, null), NOW);
    CustomerId survivor = CustomerId.random();
    assertThat(i.movedTo(survivor).customer()).isEqualTo(survivor);
    assertThat(i.movedTo(survivor).id()).isEqualTo(i.id());
  }
}
