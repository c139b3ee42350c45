package org.manyi.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.manyi.cases.internal.CaseStateTests.AGENT;
import static org.manyi.cases.internal.CaseStateTests.QUALITY;
import static org.manyi.cases.internal.CaseStateTests.SETTINGS;
import static org.manyi.cases.internal.CaseStateTests.T0;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.manyi.cases.events.CaseEscalated;
import org.manyi.platform.ProblemException;

class CaseSlaTests {

  @Test
  void startsWithP3DeadlinesFromReceiptOnAnAlwaysOpenCalendar() {
    Case c = CaseStateTests.received();
    assertThat(c.clock(T0, SETTINGS))
        .extracting(DeadlineView::due)
        .containsExactly(
            T0.plus(Duration.ofHours(4)),
            T0.plus(Duration.ofHours(24)),
            T0.plus(Duration.ofHours(120)));
    assertThat(c.deadline(Deadline.ACKNOWLEDGE, T0, SETTINGS).state())
        .isEqualTo(ClockState.ON_TRACK);
    assertThat(c.deadline(Deadline.ACKNOWLEDGE, T0.plus(Duration.ofMinutes(220)), SETTINGS).state())
        .isEqualTo(ClockState.DUE_SOON);
    assertThat(c.deadline(Deadline.ACKNOWLEDGE, T0.plus(Duration.ofHours(5)), SETTINGS).state())
        .isEqualTo(ClockState.BREACHED);
  }

  @Test
  void assessingMovesTheDeadlinesToThePriority() {
    Case c = CaseStateTests.received();
    c.acknowledge(AGENT, T0, null);
    c.assess(AGENT, T0, QUALITY, Level.HIGH, Level.HIGH, SETTINGS);
    assertThat(c.deadline(Deadline.RESPONSE, T0, SETTINGS).due())
        .isEqualTo(T0.plus(Duration.ofHours(4)));
    assertThat(c.deadline(Deadline.ACKNOWLEDGE, T0, SETTINGS).state()).isEqualTo(ClockState.MET);
  }

  @Test
  void theResolutionClockPausesWhileWaitingForTheCustomer() {
    Case c = CaseStateTests.responded(); // responded at T0 + 1h, P3: resolution due at T0 + 120h
    Instant responded = T0.plus(Duration.ofHours(1));
    Instant wayLater = T0.plus(Duration.ofHours(200));
    assertThat(c.paused()).isTrue();
    assertThat(c.deadline(Deadline.RESOLUTION, wayLater, SETTINGS).state())
        .isEqualTo(ClockState.PAUSED);
    assertThat(c.escalateIfBreached(Deadline.RESOLUTION, wayLater, SETTINGS)).isFalse();

    Instant reaction = responded.plus(Duration.ofHours(30));
    c.recordReaction(AGENT, reaction, Reaction.ACCEPTED, null, SETTINGS);
    assertThat(c.paused()).isFalse();
    assertThat(c.deadline(Deadline.RESOLUTION, reaction, SETTINGS).due())
        .isEqualTo(T0.plus(Duration.ofHours(120 + 30)));
    assertThat(c.newHistory)
        .anyMatch(h -> h.kind() == HistoryKind.SLA && h.text().startsWith("resumed"));
  }

  @Test
  void aBreachEscalatesOncePerDeadline() {
    Case c = CaseStateTests.received();
    Instant late = T0.plus(Duration.ofHours(5));
    assertThat(c.escalateIfBreached(Deadline.ACKNOWLEDGE, T0, SETTINGS)).isFalse();
    assertThat(c.escalateIfBreached(Deadline.ACKNOWLEDGE, late, SETTINGS)).isTrue();
    assertThat(c.escalateIfBreached(Deadline.ACKNOWLEDGE, late.plusSeconds(60), SETTINGS))
        .isFalse();
    assertThat(c.status()).isEqualTo(CaseStatus.ESCALATED);
    assertThat(c.escalationLevel()).isEqualTo(1);
    assertThat(c.events())
        .filteredOn(CaseEscalated.class::isInstance)
        .singleElement()
        .satisfies(e -> assertThat(((CaseEscalated) e).cause()).isEqualTo("SLA_BREACH"));
  }

  @Test
  void aDeadlineIsNeverExtendedWithoutAReason() {
    Case c = CaseStateTests.received();
    assertThatThrownBy(() -> c.extendResolution(AGENT, T0, Duration.ofHours(8), " ", SETTINGS))
        .isInstanceOf(ProblemException.class);
    c.extendResolution(AGENT, T0, Duration.ofHours(8), "等待厂家检测报告", SETTINGS);
    assertThat(c.deadline(Deadline.RESOLUTION, T0, SETTINGS).due())
        .isEqualTo(T0.plus(Duration.ofHours(128)));
    assertThat(c.newHistory)
        .anyMatch(h -> h.kind() == HistoryKind.SLA && h.text().contains("等待厂家"));
  }

  @Test
  void aSettingMayChangeOneDeadlineAndKeepTheOtherDefaults() {
    CasesProperties settings =
        new CasesProperties(
            java.util.Map.of(Priority.P1, new SlaTarget(Duration.ofMinutes(30), null, null)),
            0.2,
            Duration.ofDays(30),
            Duration.ofSeconds(60));
    assertThat(settings.target(Priority.P1))
        .isEqualTo(
            new SlaTarget(Duration.ofMinutes(30), Duration.ofHours(4), Duration.ofHours(24)));
    assertThat(settings.target(Priority.P4).resolution()).isEqualTo(Duration.ofHours(240));
  }
}
