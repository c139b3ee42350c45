package org.manyi.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.manyi.cases.internal.CaseStateTests.AGENT;
import static org.manyi.cases.internal.CaseStateTests.QUALITY;
import static org.manyi.cases.internal.CaseStateTests.SETTINGS;
import static org.manyi.cases.internal.CaseStateTests.T0;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.manyi.identity.TeamId;
import org.manyi.identity.UserId;
import org.manyi.platform.ProblemException;

class CaseRemedyApprovalTests {

  static final UserId SUPERVISOR = UserId.random();

  static Case investigating() {
    Case c = CaseStateTests.received();
    c.acknowledge(AGENT, T0.plusSeconds(60), null);
    c.assess(AGENT, T0.plusSeconds(120), QUALITY, Level.MEDIUM, Level.MEDIUM, SETTINGS);
    c.assign(AGENT, T0.plusSeconds(180), new TeamId(java.util.UUID.randomUUID()), AGENT, null);
    return c;
  }

  private static void assertProblem(Runnable action, String code) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void aRemedyWaitingForApprovalReachesTheCustomerOnlyOnceApproved() {
    Case c = investigating();
    c.requestRemedyApproval(
        AGENT, T0.plusSeconds(240), Remedy.REFUND, "全额退款", new BigDecimal("899"));
    assertThat(c.status()).isEqualTo(CaseStatus.INVESTIGATING);
    assertThat(c.pendingRemedy()).isEqualTo(Remedy.REFUND);
    assertThat(c.allowedActions()).contains("approve").doesNotContain("respond");
    assertThat(c.newHistory)
        .filteredOn(h -> h.kind() == HistoryKind.APPROVAL)
        .singleElement()
        .satisfies(h -> assertThat(h.visibility()).isEqualTo(Visibility.INTERNAL));
    assertProblem(
        () -> c.respond(AGENT, T0.plusSeconds(250), Remedy.APOLOGY, "抱歉"), "case.approval.pending");
    assertProblem(
        () -> c.decideRemedy(AGENT, T0.plusSeconds(260), true, null), "case.approval.ownRequest");

    c.decideRemedy(SUPERVISOR, T0.plusSeconds(300), true, "同意");
    assertThat(c.status()).isEqualTo(CaseStatus.RESPONDED);
    assertThat(c.remedy()).isEqualTo(Remedy.REFUND);
    assertThat(c.remedyAmount()).isEqualByComparingTo("899");
    assertThat(c.pendingRemedy()).isNull();
    assertThat(c.paused()).isTrue();
    assertThat(c.newHistory)
        .anyMatch(
            h ->
                h.kind() == HistoryKind.MESSAGE
                    && h.visibility() == Visibility.CUSTOMER
                    && h.by().equals(AGENT)
                    && "REFUND 899: 全额退款".equals(h.text()));
  }

  @Test
  void aRefusalNeedsAReasonAndLeavesTheCaseUnderInvestigation() {
    Case c = investigating();
    c.requestRemedyApproval(
        AGENT, T0.plusSeconds(240), Remedy.POINTS, "补偿积分", new BigDecimal("8000"));
    assertThatThrownBy(() -> c.decideRemedy(SUPERVISOR, T0.plusSeconds(300), false, " "))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.firstField().field()).isEqualTo("note"));
    c.decideRemedy(SUPERVISOR, T0.plusSeconds(300), false, "积分过高，改为 2000");
    assertThat(c.status()).isEqualTo(CaseStatus.INVESTIGATING);
    assertThat(c.pendingRemedy()).isNull();
    assertThat(c.allowedActions()).contains("respond");
    assertProblem(
        () -> c.decideRemedy(SUPERVISOR, T0.plusSeconds(310), true, null), "case.approval.none");
  }

  @Test
  void thresholdsHaveDefaultsThatASettingOverrides() {
    RemedyApprovalProperties defaults = new RemedyApprovalProperties(null);
    assertThat(defaults.threshold(Remedy.REFUND)).isEqualByComparingTo("500");
    assertThat(defaults.threshold(Remedy.APOLOGY)).isNull();
    RemedyApprovalProperties set =
        new RemedyApprovalProperties(java.util.Map.of(Remedy.REFUND, new BigDecimal("200")));
    assertThat(set.threshold(Remedy.REFUND)).isEqualByComparingTo("200");
    assertThat(set.threshold(Remedy.POINTS)).isEqualByComparingTo("5000");
  }
}
