package org.manyi.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.manyi.TestUsers.admin;
import static org.manyi.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.cases.internal.CaseChannel;
import org.manyi.cases.internal.CaseManagement;
import org.manyi.cases.internal.CaseType;
import org.manyi.cases.internal.NewCase;
import org.manyi.cases.internal.SlaMonitor;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.Role;
import org.manyi.identity.UserId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
@RecordApplicationEvents
class CaseApiIntegrationTests {

  @Autowired ApplicationEvents events;

  @Autowired MockMvc mvc;
  @Autowired SlaMonitor monitor;
  @Autowired CaseManagement management;

  String team;
  String agent;
  String customer;

  @BeforeEach
  void staff() throws Exception {
    team = CaseFixtures.team(mvc);
    agent = CaseFixtures.user(mvc, "AGENT", team);
    customer = CaseFixtures.customer(mvc, agent, "李娜");
  }

  private ResultActions act(String user, String id, String action, String json) throws Exception {
    return mvc.perform(
        post("/api/v1/cases/" + id + "/" + action)
            .with(as(user))
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private String opened() throws Exception {
    return JsonPath.read(CaseFixtures.complaint(mvc, agent, customer), "$.id");
  }

  @Test
  void walksACaseFromReceiptToClosureAndReopensItUnderTheSameNumber() throws Exception {
    String json = CaseFixtures.complaint(mvc, agent, customer);
    String id = JsonPath.read(json, "$.id");
    String number = JsonPath.read(json, "$.number");
    assertThat(number).matches("C\\d{8}-\\d{4}");
    mvc.perform(get("/api/v1/cases/" + id).with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("RECEIVED"))
        .andExpect(jsonPath("$.customerName").value("李娜"))
        .andExpect(jsonPath("$.deadlines[0].deadline").value("ACKNOWLEDGE"))
        .andExpect(jsonPath("$.deadlines[0].state").value("ON_TRACK"));
    act(agent, id, "acknowledge", "{}").andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
    act(
            agent,
            id,
            "assess",
            "{\"category\":\"product_quality\",\"severity\":\"HIGH\",\"urgency\":\"MEDIUM\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ASSESSED"))
        .andExpect(jsonPath("$.priority").value("P2"));
    act(agent, id, "assign", "{\"queue\":\"" + team + "\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("INVESTIGATING"))
        .andExpect(jsonPath("$.assigneeId").value(CaseFixtures.userId(mvc, agent)));
    act(agent, id, "respond", "{\"remedy\":\"REPLACE\",\"amount\":299,\"message\":\"为您更换新品\"}")
        .andExpect(jsonPath("$.status").value("RESPONDED"))
        .andExpect(jsonPath("$.paused").value(true));
    act(agent, id, "close", "{}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("case.close.reactionMissing"));
    act(agent, id, "reaction", "{\"reaction\":\"ACCEPTED\"}")
        .andExpect(jsonPath("$.reaction").value("ACCEPTED"))
        .andExpect(jsonPath("$.paused").value(false));
    act(agent, id, "close", "{\"rootCause\":\"supplier_defect\",\"correctiveAction\":\"加强来货检验\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CLOSED"))
        .andExpect(jsonPath("$.rootCause").value("supplier_defect"));
    assertThat(events.stream(org.manyi.cases.events.CaseOpened.class))
        .anyMatch(e -> e.caseId().value().toString().equals(id));
    assertThat(events.stream(org.manyi.cases.events.CaseClosed.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.customerId().value().toString()).isEqualTo(customer);
              assertThat(e.reaction()).isEqualTo("ACCEPTED");
            });
    act(agent, id, "reopen", "{\"reason\":\"客户再次来电\"}")
        .andExpect(jsonPath("$.status").value("REOPENED"))
        .andExpect(jsonPath("$.number").value(number));
    mvc.perform(get("/api/v1/cases/" + id + "/history").with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].kind").value("RECEIVED"))
        .andExpect(jsonPath("$[*].to", hasItem("CLOSED")))
        .andExpect(jsonPath("$[*].to", hasItem("REOPENED")))
        .andExpect(jsonPath("$[*].kind", hasItem("REACTION")));
  }

  @Test
  void anActionTheStatusDoesNotAllowAnswers409() throws Exception {
    String id = opened();
    act(agent, id, "respond", "{\"remedy\":\"APOLOGY\",\"message\":\"抱歉\"}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("case.transition.illegal"))
        .andExpect(jsonPath("$.caseStatus").value("RECEIVED"));
    act(agent, id, "reopen", "{\"reason\":\"x\"}").andExpect(status().isConflict());
    act(agent, id, "reaction", "{\"reaction\":\"ACCEPTED\"}").andExpect(status().isConflict());
  }

  @Test
  void badInputNamesTheField() throws Exception {
    mvc.perform(
            post("/api/v1/cases")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"PHONE\",\"description\":\"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("type"));
    mvc.perform(
            post("/api/v1/cases")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"COMPLAINT\",\"channel\":\"PHONE\",\"description\":\"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("customerId"));
    String id = opened();
    act(agent, id, "acknowledge", "{}").andExpect(status().isOk());
    act(
            agent,
            id,
            "assess",
            "{\"category\":\"nonsense\",\"severity\":\"HIGH\",\"urgency\":\"HIGH\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("category"));
  }

  @Test
  void casesOutsideTheScopeAreInvisible() throws Exception {
    String id = opened();
    String stranger = CaseFixtures.user(mvc, "AGENT", CaseFixtures.team(mvc));
    mvc.perform(get("/api/v1/cases/" + id).with(as(stranger))).andExpect(status().isNotFound());
    act(stranger, id, "acknowledge", "{}").andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/cases").param("size", "500").with(as(stranger)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
    mvc.perform(get("/api/v1/cases").param("size", "500").with(as(agent)))
        .andExpect(jsonPath("$.items[*].id", hasItem(id)));
    mvc.perform(get("/api/v1/cases/" + id).with(admin())).andExpect(status().isOk());
    // a case assigned to an agent outside the customer's scope becomes visible to the agent
    String colleague = CaseFixtures.user(mvc, "AGENT", team);
    mvc.perform(get("/api/v1/cases/" + id).with(as(colleague))).andExpect(status().isNotFound());
    act(
            agent,
            id,
            "assign",
            "{\"queue\":\"%s\",\"assigneeId\":\"%s\"}"
                .formatted(team, CaseFixtures.userId(mvc, colleague)))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/cases/" + id).with(as(colleague))).andExpect(status().isOk());
    mvc.perform(get("/api/v1/cases").param("mine", "true").with(as(colleague)))
        .andExpect(jsonPath("$.items[*].id", hasItem(id)));
  }

  @Test
  void theRecorderSeesACaseOfAnUnidentifiedContact() throws Exception {
    String id =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/cases")
                        .with(as(agent))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            """
                            {"type":"INQUIRY","channel":"STORE","contactName":"王女士",
                             "contactPhone":"13800138000","description":"请问能否以旧换新？"}
                            """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.customerId").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    mvc.perform(get("/api/v1/cases/" + id).with(as(agent))).andExpect(status().isOk());
    String other = CaseFixtures.user(mvc, "AGENT", team);
    mvc.perform(get("/api/v1/cases/" + id).with(as(other))).andExpect(status().isNotFound());
  }

  @Test
  void aBreachedDeadlineEscalatesOnATestClock() throws Exception {
    String id = opened();
    // P3: acknowledgement due 4 working hours after receipt, on the working calendar
    String due =
        JsonPath.read(
            mvc.perform(get("/api/v1/cases/" + id).with(as(agent)))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.deadlines[0].due");
    Instant at = Instant.parse(due);
    monitor.escalateBreached(Clock.fixed(at.minus(Duration.ofMinutes(1)), ZoneOffset.UTC));
    mvc.perform(get("/api/v1/cases/" + id).with(as(agent)))
        .andExpect(jsonPath("$.status").value("RECEIVED"));
    monitor.escalateBreached(Clock.fixed(at.plus(Duration.ofMinutes(1)), ZoneOffset.UTC));
    mvc.perform(get("/api/v1/cases/" + id).with(as(agent)))
        .andExpect(jsonPath("$.status").value("ESCALATED"))
        .andExpect(jsonPath("$.escalationLevel").value(1));
    // the same breach escalates once
    monitor.escalateBreached(Clock.fixed(at.plus(Duration.ofHours(1)), ZoneOffset.UTC));
    mvc.perform(get("/api/v1/cases/" + id).with(as(agent)))
        .andExpect(jsonPath("$.escalationLevel").value(1));
    mvc.perform(get("/api/v1/cases/" + id + "/history").with(as(agent)))
        .andExpect(
            jsonPath(
                "$[?(@.kind == 'ESCALATION')].text", hasItem("SLA_BREACH · L1 · ACKNOWLEDGE")));
  }

  @Test
  void aSafetyCaseJumpsToP1AndAlerts() throws Exception {
    String id = opened();
    act(agent, id, "acknowledge", "{}");
    act(agent, id, "assess", "{\"category\":\"safety\",\"severity\":\"LOW\",\"urgency\":\"LOW\"}")
        .andExpect(jsonPath("$.priority").value("P1"));
    mvc.perform(get("/api/v1/cases/" + id + "/history").with(as(agent)))
        .andExpect(jsonPath("$[*].kind", hasItem("ALERT")));
  }

  @Test
  void aRejectionEscalatesAndManualEscalationNeedsAReason() throws Exception {
    String id = opened();
    act(agent, id, "escalate", "{}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    act(agent, id, "acknowledge", "{}");
    act(
        agent,
        id,
        "assess",
        "{\"category\":\"delivery\",\"severity\":\"LOW\",\"urgency\":\"LOW\"}");
    act(agent, id, "assign", "{\"queue\":\"" + team + "\"}");
    act(agent, id, "respond", "{\"remedy\":\"APOLOGY\",\"message\":\"抱歉\"}");
    act(agent, id, "reaction", "{\"reaction\":\"REJECTED\",\"note\":\"不接受\"}")
        .andExpect(jsonPath("$.status").value("ESCALATED"))
        .andExpect(jsonPath("$.escalationLevel").value(1));
    act(agent, id, "escalate", "{\"reason\":\"客户要求主管处理\"}")
        .andExpect(jsonPath("$.escalationLevel").value(2));
  }

  @Test
  void roundRobinTakesTurnsWithinTheTeam() throws Exception {
    String second = CaseFixtures.user(mvc, "AGENT", team);
    Set<String> assignees = new HashSet<>();
    for (int i = 0; i < 2; i++) {
      String id = opened();
      assignees.add(
          JsonPath.read(
              act(agent, id, "assign", "{\"queue\":\"" + team + "\"}")
                  .andReturn()
                  .getResponse()
                  .getContentAsString(),
              "$.assigneeId"));
    }
    assertThat(assignees)
        .containsExactlyInAnyOrder(
            CaseFixtures.userId(mvc, agent), CaseFixtures.userId(mvc, second));
  }

  @Test
  void numbersStayUniqueUnderConcurrentReceipt() throws Exception {
    CurrentUser system =
        new CurrentUser(UserId.random(), "system", "System", Set.of(Role.ADMIN), null, false);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<String>> numbers = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        numbers.add(
            pool.submit(
                () ->
                    management
                        .open(
                            new NewCase(
                                CaseType.SUGGESTION,
                                CaseChannel.OTHER,
                                null,
                                "并发测试",
                                null,
                                null,
                                "建议增加自提点",
                                null),
                            system)
                        .number()));
      }
      Set<String> distinct = new HashSet<>();
      for (Future<String> n : numbers) {
        distinct.add(n.get());
      }
      assertThat(distinct).hasSize(12);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void casesAppearOnTheCustomerTimeline() throws Exception {
    String number = JsonPath.read(CaseFixtures.complaint(mvc, agent, customer), "$.number");
    mvc.perform(
            get("/api/v1/customers/" + customer + "/timeline")
                .param("type", "case")
                .with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].type").value("case"))
        .andExpect(jsonPath("$[0].title", org.hamcrest.Matchers.containsString(number)));
  }

  @Test
  void onlyAdminsRunTheDeadlineCheckByHand() throws Exception {
    mvc.perform(post("/api/v1/cases/sla-check").with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.escalated").isNumber());
    mvc.perform(post("/api/v1/cases/sla-check").with(as(agent))).andExpect(status().isForbidden());
  }

  @Test
  void aDeadlineIsExtendedOnlyWithAReason() throws Exception {
    String id = opened();
    act(agent, id, "extend", "{\"hours\":8}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    act(agent, id, "extend", "{\"hours\":0,\"reason\":\"x\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("hours"));
    act(agent, id, "extend", "{\"hours\":8,\"reason\":\"等待厂家检测报告\"}").andExpect(status().isOk());
    mvc.perform(get("/api/v1/cases/" + id + "/history").with(as(agent)))
        .andExpect(jsonPath("$[?(@.kind == 'SLA')].text", hasItem("+8h · 等待厂家检测报告")));
  }
}
