package org.manyi.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.manyi.cases.CaseId;
import org.manyi.cases.events.CaseAlertRaised;
import org.manyi.cases.events.CaseClosed;
import org.manyi.cases.events.CaseEscalated;
import org.manyi.cases.events.CaseOpened;
import org.manyi.customers.CustomerId;
import org.manyi.identity.TeamId;
import org.manyi.identity.UserId;
import org.manyi.platform.ProblemException;
import org.springframework.http.HttpStatus;

class CaseStateTests {

  static final SlaPolicy SETTINGS = SlaPolicy.elapsed(CasesProperties.defaultSettings());
  static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
  static final UserId AGENT = UserId.random();
  static final Category QUALITY =
      new Category("product_quality", "产品质量", "Product quality", false, true, 10);
  static final Category SAFETY = new Category("safety", "安全问题", "Safety", true, true, 70);

  static Case received() {
    return Case.receive(
        CaseId.random(),
        "C20261123-0001",
        new NewCase(
            CaseType.COMPLAINT,
            CaseChannel.PHONE,
            CustomerId.random(),
            null,
            null,
            null,
            "电饭煲内胆涂层脱落",
            "换货"),
        AGENT,
        T0,
        SETTINGS);
  }

  static Case responded() {
    Case c = received();
    c.acknowledge(AGENT, T0.plusSeconds(600), null);
    c.assess(AGENT, T0.plusSeconds(1200), QUALITY, Level.MEDIUM, Level.MEDIUM, SETTINGS);
    c.assign(AGENT, T0.plusSeconds(1800), new TeamId(java.util.UUID.randomUUID()), AGENT, null);
    c.respond(AGENT, T0.plusSeconds(3600), Remedy.REPLACE, "为您换一台新的");
    return c;
  }

  private static void assertConflict(Runnable action, String code) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
              assertThat(e.code()).isEqualTo(code);
            });
  }

  @Test
  void walksTheWholeProcessAndPublishesOpenedAndClosed() {
    Case c = responded();
    assertThat(c.status()).isEqualTo(CaseStatus.RESPONDED);
    c.recordReaction(AGENT, T0.plusSeconds(7200), Reaction.ACCEPTED, null, SETTINGS);
    c.close(AGENT, T0.plusSeconds(7300), "supplier_defect", "加强来货检验");
    assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(c.rootCause()).isEqualTo("supplier_defect");
    assertThat(c.events()).hasAtLeastOneElementOfType(CaseOpened.class);
    assertThat(c.events())
        .filteredOn(CaseClosed.class::isInstance)
        .singleElement()
        .satisfies(e -> assertThat(((CaseClosed) e).reaction()).isEqualTo("ACCEPTED"));
    assertThat(c.newHistory)
        .filteredOn(h -> h.kind() == HistoryKind.STATUS)
        .extracting(HistoryEntry::to)
        .containsExactly(
            CaseStatus.ACKNOWLEDGED,
            CaseStatus.ASSESSED,
            CaseStatus.INVESTIGATING,
            CaseStatus.RESPONDED,
            CaseStatus.CLOSED);
  }

  @Test
  void refusesIllegalTransitions() {
    Case c = received();
    assertConflict(() -> c.respond(AGENT, T0, Remedy.APOLOGY, "抱歉"), "case.transition.illegal");
    assertConflict(
        () -> c.assess(AGENT, T0, QUALITY, Level.LOW, Level.LOW, SETTINGS),
        "case.transition.illegal");
    assertConflict(() -> c.reopen(AGENT, T0, "again", SETTINGS), "case.transition.illegal");
    c.acknowledge(AGENT, T0, null);
    assertConflict(() -> c.acknowledge(AGENT, T0, null), "case.transition.illegal");
    assertThat(c.status()).isEqualTo(CaseStatus.ACKNOWLEDGED);
  }

  @Test
  void aCaseCannotBeClosedBeforeTheCustomersReactionIsRecorded() {
    Case c = responded();
    assertConflict(
        () -> c.close(AGENT, T0.plusSeconds(4000), null, null), "case.close.reactionMissing");
    Case fresh = received();
    assertConflict(() -> fresh.close(AGENT, T0, null, null), "case.transition.illegal");
  }

  @Test
  void aRejectionEscalatesAndCannotBeClosed() {
    Case c = responded();
    c.recordReaction(AGENT, T0.plusSeconds(7200), Reaction.REJECTED, "不满意", SETTINGS);
    assertThat(c.status()).isEqualTo(CaseStatus.ESCALATED);
    assertThat(c.escalationLevel()).isEqualTo(1);
    assertThat(c.events()).hasAtLeastOneElementOfType(CaseEscalated.class);
    assertConflict(
        () -> c.close(AGENT, T0.plusSeconds(7300), null, null), "case.transition.illegal");
    c.respond(AGENT, T0.plusSeconds(8000), Remedy.REFUND, "全额退款");
    c.recordReaction(AGENT, T0.plusSeconds(9000), Reaction.ACCEPTED, null, SETTINGS);
    c.close(AGENT, T0.plusSeconds(9100), null, null);
    assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
  }

  @Test
  void reopeningKeepsTheNumberWithinTheWindowOnly() {
    Case c = responded();
    c.recordReaction(AGENT, T0.plusSeconds(7200), Reaction.NO_REPLY, null, SETTINGS);
    c.close(AGENT, T0.plusSeconds(7300), null, null);
    assertThatThrownBy(() -> c.reopen(AGENT, T0.plusSeconds(7400), " ", SETTINGS))
        .isInstanceOf(ProblemException.class);
    c.reopen(AGENT, T0.plusSeconds(7400), "客户再次来电", SETTINGS);
    assertThat(c.status()).isEqualTo(CaseStatus.REOPENED);
    assertThat(c.number()).isEqualTo("C20261123-0001");
    assertThat(c.reaction()).isNull();

    Case late = responded();
    late.recordReaction(AGENT, T0.plusSeconds(7200), Reaction.ACCEPTED, null, SETTINGS);
    late.close(AGENT, T0.plusSeconds(7300), null, null);
    assertConflict(
        () -> late.reopen(AGENT, T0.plus(Duration.ofDays(31)), "太晚了", SETTINGS),
        "case.reopen.windowPassed");
  }

  @Test
  void reassigningToSomeoneElseNeedsAReason() {
    Case c = received();
    TeamId team = new TeamId(java.util.UUID.randomUUID());
    c.assign(AGENT, T0, team, AGENT, null);
    assertThatThrownBy(() -> c.assign(AGENT, T0, team, UserId.random(), null))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.firstField().field()).isEqualTo("reason"));
    UserId other = UserId.random();
    c.assign(AGENT, T0, team, other, "休假");
    assertThat(c.assigneeId()).isEqualTo(other);
  }

  @Test
  void anUrgentCategoryForcesP1AndRaisesAnAlert() {
    Case c = received();
    c.acknowledge(AGENT, T0, null);
    c.assess(AGENT, T0.plusSeconds(60), SAFETY, Level.LOW, Level.LOW, SETTINGS);
    assertThat(c.priority()).isEqualTo(Priority.P1);
    assertThat(c.events()).hasAtLeastOneElementOfType(CaseAlertRaised.class);
    assertThat(c.newHistory).anyMatch(h -> h.kind() == HistoryKind.ALERT && h.internal());
    // P1 deadlines, counted from receipt
    assertThat(c.deadline(Deadline.RESOLUTION, T0, SETTINGS).due())
        .isEqualTo(T0.plus(Duration.ofHours(24)));
  }

  @Test
  void manualEscalationNeedsAReasonAndRaisesTheLevel() {
    Case c = received();
    assertThatThrownBy(() -> c.escalate(AGENT, T0, "MANUAL", null, SETTINGS))
        .isInstanceOf(ProblemException.class);
    c.escalate(AGENT, T0, "MANUAL", "媒体关注", SETTINGS);
    c.escalate(AGENT, T0, "MANUAL", "仍未解决", SETTINGS);
    assertThat(c.status()).isEqualTo(CaseStatus.ESCALATED);
    assertThat(c.escalationLevel()).isEqualTo(2);
  }

  @Test
  void offersOnlyTheActionsTheStatusAllows() {
    Case c = responded();
    assertThat(c.allowedActions()).contains("reaction").doesNotContain("close", "respond");
    c.recordReaction(AGENT, T0.plusSeconds(7200), Reaction.ACCEPTED, null, SETTINGS);
    assertThat(c.allowedActions()).contains("close").doesNotContain("reaction");
  }
}
