package org.manyi.tasks;

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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.interactions.InteractionFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class TaskApiIntegrationTests {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  String team;
  String agent;
  String colleague;
  String manager;
  String outsider;
  String customer;

  @BeforeEach
  void staff() throws Exception {
    team = InteractionFixtures.team(mvc);
    agent = InteractionFixtures.user(mvc, "AGENT", team);
    colleague = InteractionFixtures.user(mvc, "AGENT", team);
    manager = InteractionFixtures.user(mvc, "MANAGER", team);
    outsider = InteractionFixtures.user(mvc, "AGENT", InteractionFixtures.team(mvc));
    customer = InteractionFixtures.customer(mvc, agent, "钱多多");
  }

  String task(String username, String type, Instant due) throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/tasks")
                    .with(as(username))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"customerId":"%s","type":"%s","dueAt":"%s","priority":"HIGH",
                         "notes":"确认收货情况"}
                        """
                            .formatted(customer, type, due.atOffset(ZoneOffset.ofHours(8)))))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.id");
  }

  /** A time later today in Shanghai, whatever time the test runs. */
  static Instant laterToday() {
    Instant now = Instant.now();
    Instant endOfDay = LocalDate.now(SHANGHAI).plusDays(1).atStartOfDay(SHANGHAI).toInstant();
    return now.plus(Duration.between(now, endOfDay).dividedBy(2));
  }

  @Test
  void createsATaskForTheCallerByDefault() throws Exception {
    Instant due = Instant.now().plus(Duration.ofDays(3));
    String id = task(agent, "VISIT", due);
    mvc.perform(get("/api/v1/tasks/" + id).with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.type").value("VISIT"))
        .andExpect(jsonPath("$.status").value("OPEN"))
        .andExpect(jsonPath("$.priority").value("HIGH"))
        .andExpect(jsonPath("$.customerName").value("钱多多"))
        .andExpect(jsonPath("$.assigneeId").value(InteractionFixtures.userId(mvc, agent)));
  }

  @Test
  void namesMissingFields() throws Exception {
    mvc.perform(
            post("/api/v1/tasks")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerId\":\"%s\",\"type\":\"CALLBACK\"}".formatted(customer)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("dueAt"));
    mvc.perform(
            post("/api/v1/tasks")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"CALLBACK\",\"dueAt\":\"2026-12-01T10:00:00+08:00\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("customerId"));
    mvc.perform(get("/api/v1/tasks").with(as(agent)).param("due", "someday"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("due"));
  }

  @Test
  void anotherTeamsCustomerIsNotFound() throws Exception {
    String id = task(agent, "CALLBACK", laterToday());
    mvc.perform(
            post("/api/v1/tasks")
                .with(as(outsider))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"customerId\":\"%s\",\"type\":\"CALLBACK\",\"dueAt\":\"2026-12-01T10:00:00+08:00\"}"
                        .formatted(customer)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/tasks/" + id).with(as(outsider))).andExpect(status().isNotFound());
    mvc.perform(
            post("/api/v1/tasks/" + id + "/complete")
                .with(as(outsider))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"resultNote\":\"x\"}"))
        .andExpect(status().isNotFound());
  }

  @Test
  void filtersMyTasksByDueWindow() throws Exception {
    String overdue = task(agent, "CALLBACK", Instant.now().minus(Duration.ofDays(2)));
    String today = task(agent, "CARE", laterToday());
    String upcoming = task(agent, "VISIT", Instant.now().plus(Duration.ofDays(5)));
    mvc.perform(get("/api/v1/tasks?assignee=me&due=overdue").with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(overdue))
        .andExpect(jsonPath("$.items[0].overdue").value(true));
    mvc.perform(get("/api/v1/tasks?assignee=me&due=today").with(as(agent)))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(today));
    mvc.perform(get("/api/v1/tasks?due=upcoming").with(as(agent)))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(upcoming));
    mvc.perform(get("/api/v1/tasks?size=2").with(as(agent)))
        .andExpect(jsonPath("$.total").value(3))
        .andExpect(jsonPath("$.items.length()").value(2));
    mvc.perform(get("/api/v1/tasks?assignee=me&due=today").with(as(colleague)))
        .andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void completingACallbackLogsAnInteractionThatCountsAsFollowUp() throws Exception {
    String id = task(agent, "CALLBACK", laterToday());
    Instant before = Instant.now();
    mvc.perform(
            post("/api/v1/tasks/" + id + "/complete")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"resultNote\":\"客户对产品满意，计划复购\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DONE"))
        .andExpect(jsonPath("$.resultNote").value("客户对产品满意，计划复购"))
        .andExpect(jsonPath("$.interactionId").isNotEmpty());
    mvc.perform(get("/api/v1/customers/" + customer + "/timeline").with(as(agent)))
        .andExpect(jsonPath("$[*].type", hasItem("task")))
        .andExpect(jsonPath("$[*].type", hasItem("interaction")))
        .andExpect(jsonPath("$[*].detail", hasItem("客户对产品满意，计划复购")));
    mvc.perform(get("/api/v1/customers/" + customer + "/interactions").with(as(agent)))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].channel").value("PHONE"))
        .andExpect(jsonPath("$.items[0].direction").value("OUTBOUND"))
        .andExpect(jsonPath("$.items[0].outcome").value("客户对产品满意，计划复购"))
        .andExpect(jsonPath("$.items[0].notes").value("确认收货情况"));
    OffsetDateTime followedUp =
        jdbc.sql("SELECT last_follow_up_at FROM customer WHERE id = ?")
            .param(UUID.fromString(customer))
            .query(OffsetDateTime.class)
            .single();
    assertThat(followedUp.toInstant()).isAfterOrEqualTo(before.minusSeconds(1));

    mvc.perform(
            post("/api/v1/tasks/" + id + "/complete")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"resultNote\":\"again\"}"))
        .andExpect(status().isConflict());
  }

  @Test
  void completingAVisitLogsNothingAndNeedsAResult() throws Exception {
    String id = task(agent, "VISIT", laterToday());
    mvc.perform(
            post("/api/v1/tasks/" + id + "/complete")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("resultNote"));
    mvc.perform(
            post("/api/v1/tasks/" + id + "/complete")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"resultNote\":\"已上门\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.interactionId").doesNotExist());
  }

  @Test
  void cancelsWithAReasonAndReassignsWithinTheTeam() throws Exception {
    String id = task(agent, "CARE", laterToday());
    String colleagueId = InteractionFixtures.userId(mvc, colleague);
    mvc.perform(
            post("/api/v1/tasks/" + id + "/reassign")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"assigneeId\":\"%s\"}".formatted(InteractionFixtures.userId(mvc, outsider))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("assignee"));
    mvc.perform(
            post("/api/v1/tasks/" + id + "/reassign")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"assigneeId\":\"%s\"}".formatted(colleagueId)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.assigneeId").value(colleagueId));
    mvc.perform(
            post("/api/v1/tasks/" + id + "/cancel")
                .with(as(colleague))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    mvc.perform(
            post("/api/v1/tasks/" + id + "/cancel")
                .with(as(colleague))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"客户已联系过\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CANCELLED"))
        .andExpect(jsonPath("$.cancelReason").value("客户已联系过"));
  }

  @Test
  void managersSeeTheirTeamsTasksAgentsDoNot() throws Exception {
    String id = task(agent, "CALLBACK", laterToday());
    mvc.perform(get("/api/v1/tasks?assignee=team&due=today").with(as(manager)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].id", hasItem(id)));
    mvc.perform(
            get("/api/v1/tasks")
                .param("assignee", InteractionFixtures.userId(mvc, agent))
                .with(as(manager)))
        .andExpect(jsonPath("$.items[*].id", hasItem(id)));
    mvc.perform(get("/api/v1/tasks?assignee=team").with(as(agent)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("assignee"));
    mvc.perform(get("/api/v1/tasks?assignee=team&due=today").with(admin()))
        .andExpect(jsonPath("$.items[*].id", hasItem(id)));
    String otherManager = InteractionFixtures.user(mvc, "MANAGER", InteractionFixtures.team(mvc));
    mvc.perform(get("/api/v1/tasks?assignee=team&due=today").with(as(otherManager)))
        .andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
  }

  @Test
  void deletingTheCustomerDeletesItsTasks() throws Exception {
    task(agent, "CALLBACK", laterToday());
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/api/v1/customers/" + customer)
                .with(as(agent)))
        .andExpect(status().isNoContent());
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql("SELECT COUNT(*) FROM task WHERE customer_id = ?")
                            .param(UUID.fromString(customer))
                            .query(Long.class)
                            .single())
                    .isZero());
  }
}
