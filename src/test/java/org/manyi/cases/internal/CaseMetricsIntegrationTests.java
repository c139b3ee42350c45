package org.manyi.cases.internal;

import static org.hamcrest.Matchers.containsString;
import static org.manyi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.cases.CaseFixtures;
import org.manyi.customers.CustomerId;
import org.manyi.identity.UserId;
import org.manyi.identity.Users;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Case metrics as a fresh agent sees them: only the agent's own cases count, so the numbers are
 * exact whatever other tests recorded.
 */
@IntegrationTest
class CaseMetricsIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired CaseManagement management;
  @Autowired Users users;
  @Autowired IdentityUserDetailsService userDetails;

  String team;
  String agent;
  String customer;

  @BeforeEach
  void staff() throws Exception {
    team = CaseFixtures.team(mvc);
    agent = CaseFixtures.user(mvc, "AGENT", team);
    customer = CaseFixtures.customer(mvc, agent, "孙丽");
  }

  private ResultActions act(String id, String action, String json) throws Exception {
    return mvc.perform(
        post("/api/v1/cases/" + id + "/" + action)
            .with(as(agent))
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private String assessed(String category) throws Exception {
    String id = JsonPath.read(CaseFixtures.complaint(mvc, agent, customer), "$.id");
    act(id, "acknowledge", "{}").andExpect(status().isOk());
    act(
            id,
            "assess",
            "{\"category\":\"" + category + "\",\"severity\":\"LOW\",\"urgency\":\"LOW\"}")
        .andExpect(status().isOk());
    return id;
  }

  @Test
  void countsTimesComplianceAndParetoOfTheCallersCases() throws Exception {
    mvc.perform(get("/api/v1/metrics/cases").with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(0))
        .andExpect(jsonPath("$.slaCompliance").doesNotExist());
    assessed("delivery");
    assessed("delivery");
    String closed = assessed("product_quality");
    act(closed, "assign", "{\"queue\":\"" + team + "\"}").andExpect(status().isOk());
    act(closed, "respond", "{\"remedy\":\"REFUND\",\"amount\":88,\"message\":\"为您办理退款\"}")
        .andExpect(status().isOk());
    act(closed, "reaction", "{\"reaction\":\"ACCEPTED\"}").andExpect(status().isOk());
    act(closed, "close", "{\"rootCause\":\"supplier_defect\"}").andExpect(status().isOk());
    // the recovery case of a detractor, contacted at once
    UserId me = new UserId(UUID.fromString(CaseFixtures.userId(mvc, agent)));
    String recovery =
        management
            .openRecovery(
                new CustomerId(UUID.fromString(customer)), users.find(me).orElseThrow(), "调查 NPS 3")
            .id()
            .toString();
    act(recovery, "acknowledge", "{}").andExpect(status().isOk());
    act(recovery, "assess", "{\"category\":\"other\",\"severity\":\"LOW\",\"urgency\":\"LOW\"}");
    act(recovery, "assign", "{\"queue\":\"" + team + "\"}").andExpect(status().isOk());
    act(recovery, "respond", "{\"remedy\":\"APOLOGY\",\"message\":\"已电话致歉\"}")
        .andExpect(status().isOk());

    mvc.perform(get("/api/v1/metrics/cases").with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(4))
        .andExpect(jsonPath("$.closed").value(1))
        .andExpect(jsonPath("$.byType.COMPLAINT").value(3))
        .andExpect(jsonPath("$.byType.RECOVERY").value(1))
        .andExpect(jsonPath("$.byChannel.PHONE").value(3))
        .andExpect(jsonPath("$.byCategory[0].key").value("delivery"))
        .andExpect(jsonPath("$.byCategory[0].count").value(2))
        .andExpect(jsonPath("$.byCategory[0].vitalFew").value(true))
        .andExpect(jsonPath("$.timeToAcknowledge.count").value(4))
        .andExpect(jsonPath("$.timeToAcknowledge.medianMinutes").value(0.0))
        .andExpect(jsonPath("$.timeToFirstResponse.count").value(2))
        .andExpect(jsonPath("$.timeToResolve.count").value(1))
        .andExpect(jsonPath("$.deadlines.ACKNOWLEDGE.decided").value(4))
        .andExpect(jsonPath("$.deadlines.ACKNOWLEDGE.met").value(4))
        .andExpect(jsonPath("$.deadlines.ACKNOWLEDGE.rate").value(1.0))
        .andExpect(jsonPath("$.slaCompliance").value(1.0))
        .andExpect(jsonPath("$.recoveryCases").value(1))
        .andExpect(jsonPath("$.loopClosure.met").value(1))
        .andExpect(jsonPath("$.loopClosure.rate").value(1.0))
        .andExpect(jsonPath("$.reactionRate").value(1.0));
    mvc.perform(get("/api/v1/metrics/cases/pareto").param("by", "rootCause").with(as(agent)))
        .andExpect(jsonPath("$[0].key").value("supplier_defect"))
        .andExpect(jsonPath("$[0].cumulativeShare").value(1.0));
    mvc.perform(
            get("/api/v1/metrics/cases/pareto")
                .param("by", "category")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .with(as(agent)))
        .andExpect(jsonPath("$[0].name").value("配送物流"))
        .andExpect(jsonPath("$.length()").value(3));
    // a period before today holds none of them
    mvc.perform(
            get("/api/v1/metrics/cases")
                .param("from", "2020-01-01")
                .param("to", "2020-12-31")
                .with(as(agent)))
        .andExpect(jsonPath("$.total").value(0));

    mvc.perform(
            get("/cases/dashboard")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .with(user(userDetails.loadUserByUsername(agent))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("服务看板")))
        .andExpect(content().string(containsString("问题类别（帕累托）")))
        .andExpect(content().string(containsString("pareto-chart")))
        .andExpect(content().string(containsString("supplier_defect")))
        .andExpect(content().string(containsString("100.0%")));
  }

  @Test
  void badParametersNameTheFieldAndAnEmptyPeriodSaysSo() throws Exception {
    mvc.perform(get("/api/v1/metrics/cases/pareto").param("by", "colour").with(as(agent)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("by"));
    mvc.perform(
            get("/api/v1/metrics/cases")
                .param("from", "2026-05-02")
                .param("to", "2026-05-01")
                .with(as(agent)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("to"));
    mvc.perform(
            get("/cases/dashboard")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .with(user(userDetails.loadUserByUsername(agent))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("No cases were received in this period")));
    mvc.perform(
            get("/cases/dashboard")
                .param("from", "2026-05-02")
                .param("to", "2026-05-01")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .with(user(userDetails.loadUserByUsername(agent))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("must not be before its start")));
  }
}
