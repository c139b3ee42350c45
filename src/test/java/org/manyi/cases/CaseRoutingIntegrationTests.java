package org.manyi.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.manyi.TestUsers.admin;
import static org.manyi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Routing rules. Each test routes on a category of its own, so its rules match no other test's
 * cases; the rules are removed afterwards.
 */
@IntegrationTest
class CaseRoutingIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired IdentityUserDetailsService userDetails;

  String category;
  String team;
  String first;
  String second;
  String customer;
  final List<String> rules = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    category = "rt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    mvc.perform(
            put("/api/v1/cases/categories/" + category)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"nameZh\":\"路由测试\",\"nameEn\":\"Routing test\"}"))
        .andExpect(status().isOk());
    team = CaseFixtures.team(mvc);
    first = CaseFixtures.user(mvc, "AGENT", team);
    second = CaseFixtures.user(mvc, "AGENT", team);
    customer = CaseFixtures.customer(mvc, first, "周杰");
  }

  @AfterEach
  void removeRules() throws Exception {
    for (String id : rules) {
      mvc.perform(delete("/api/v1/cases/routing-rules/" + id).with(admin()));
    }
  }

  private String rule(String json) throws Exception {
    String id =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/cases/routing-rules")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    rules.add(id);
    return id;
  }

  private String opened(String channel) throws Exception {
    return JsonPath.read(
        mvc.perform(
                post("/api/v1/cases")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"type":"COMPLAINT","customerId":"%s","channel":"%s",
                         "description":"门店店员态度冷淡"}
                        """
                            .formatted(customer, channel)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }

  private ResultActions act(String id, String action, String json) throws Exception {
    return mvc.perform(
        post("/api/v1/cases/" + id + "/" + action)
            .with(admin())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private ResultActions assessed(String id) throws Exception {
    act(id, "acknowledge", "{}").andExpect(status().isOk());
    return act(
        id,
        "assess",
        "{\"category\":\"" + category + "\",\"severity\":\"MEDIUM\",\"urgency\":\"LOW\"}");
  }

  @Test
  void aMatchingRuleSendsTheAssessedCaseToTheLeastLoadedMember() throws Exception {
    String firstId = CaseFixtures.userId(mvc, first);
    String secondId = CaseFixtures.userId(mvc, second);
    // the first agent already owns an open case
    String busy = opened("STORE");
    act(busy, "assign", "{\"queue\":\"" + team + "\",\"assigneeId\":\"" + firstId + "\"}")
        .andExpect(status().isOk());
    rule(
        """
        {"category":"%s","channel":"PHONE","team":"%s","strategy":"LEAST_LOADED"}
        """
            .formatted(category, team));

    String id = opened("PHONE");
    assessed(id)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("INVESTIGATING"))
        .andExpect(jsonPath("$.queue").value(team))
        .andExpect(jsonPath("$.assigneeId").value(secondId));
    mvc.perform(get("/api/v1/cases/" + id + "/history").with(admin()))
        .andExpect(
            jsonPath(
                "$[?(@.kind == 'ASSIGNMENT')].text",
                hasItem(secondId + " · rule 10 (" + category + " / PHONE / *) · LEAST_LOADED")));

    // another channel matches no rule: the case waits, and assigning needs a queue
    String other = opened("EMAIL");
    assessed(other)
        .andExpect(jsonPath("$.status").value("ASSESSED"))
        .andExpect(jsonPath("$.assigneeId").doesNotExist());
    act(other, "assign", "{}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("queue"));
  }

  @Test
  void rulesAreTriedInOrderAndMatchTheCustomerStage() throws Exception {
    String otherTeam = CaseFixtures.team(mvc);
    String active = CaseFixtures.user(mvc, "AGENT", otherTeam);
    // a new customer is a prospect, so the ACTIVE rule does not apply although it comes first
    rule(
        """
        {"position":1,"category":"%s","stage":"ACTIVE","team":"%s","strategy":"ROUND_ROBIN"}
        """
            .formatted(category, otherTeam));
    rule(
        """
        {"position":2,"category":"%s","stage":"PROSPECT","team":"%s","strategy":"ROUND_ROBIN"}
        """
            .formatted(category, team));
    String id = opened("WECHAT");
    assessed(id).andExpect(jsonPath("$.queue").value(team));
    mvc.perform(get("/api/v1/cases/routing-rules").with(as(first)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.category == '" + category + "')].stage", hasItem("ACTIVE")));
    // a change without a position keeps the rule in its place
    mvc.perform(
            put("/api/v1/cases/routing-rules/" + rules.get(0))
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"category\":\""
                        + category
                        + "\",\"stage\":\"ACTIVE\",\"team\":\""
                        + otherTeam
                        + "\",\"strategy\":\"LEAST_LOADED\",\"active\":false}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.position").value(1))
        .andExpect(jsonPath("$.active").value(false))
        .andExpect(jsonPath("$.strategy").value("LEAST_LOADED"));
    assertThat(CaseFixtures.userId(mvc, active)).isNotBlank();
  }

  @Test
  void assigningWithoutAQueueRoutesAndReassigningNeedsAReason() throws Exception {
    String firstId = CaseFixtures.userId(mvc, first);
    String id = opened("PORTAL");
    assessed(id).andExpect(jsonPath("$.assigneeId").doesNotExist());
    rule(
        """
        {"category":"%s","team":"%s","strategy":"ROUND_ROBIN"}
        """
            .formatted(category, team));
    String owner =
        JsonPath.read(
            act(id, "assign", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.queue").value(team))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.assigneeId");
    String other = owner.equals(firstId) ? CaseFixtures.userId(mvc, second) : firstId;
    act(id, "assign", "{\"queue\":\"" + team + "\",\"assigneeId\":\"" + other + "\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    act(
            id,
            "assign",
            "{\"queue\":\"" + team + "\",\"assigneeId\":\"" + other + "\",\"reason\":\"原处理人休假\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.assigneeId").value(other));
    mvc.perform(get("/api/v1/cases/" + id + "/history").with(admin()))
        .andExpect(jsonPath("$[?(@.kind == 'ASSIGNMENT')].text", hasItem(other + " · 原处理人休假")));
  }

  @Test
  void badRulesNameTheFieldAndOnlyManagersEditThem() throws Exception {
    mvc.perform(
            post("/api/v1/cases/routing-rules")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"category\":\"no_such_category\",\"team\":\"" + team + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("category"));
    mvc.perform(
            post("/api/v1/cases/routing-rules")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"category\":\"" + category + "\",\"strategy\":\"ROUND_ROBIN\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("team"));
    mvc.perform(
            post("/api/v1/cases/routing-rules")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"team\":\"" + UUID.randomUUID() + "\",\"strategy\":\"ROUND_ROBIN\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("team"));
    mvc.perform(
            post("/api/v1/cases/routing-rules")
                .with(as(first))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"team\":\"" + team + "\",\"strategy\":\"ROUND_ROBIN\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(delete("/api/v1/cases/routing-rules/" + UUID.randomUUID()).with(admin()))
        .andExpect(status().isNotFound());
  }

  @Test
  void thePageListsAddsAndRemovesRules() throws Exception {
    var admin = user(userDetails.loadUserByUsername("admin"));
    mvc.perform(
            post("/admin/case-routing")
                .with(admin)
                .with(csrf())
                .param("category", category)
                .param("channel", "STORE")
                .param("team", team)
                .param("strategy", "LEAST_LOADED")
                .param("active", "true"))
        .andExpect(flash().attribute("flashSuccess", "case.routing.saved"));
    String id =
        JsonPath.<List<String>>read(
                mvc.perform(get("/api/v1/cases/routing-rules").with(admin()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(),
                "$[?(@.category == '" + category + "')].id")
            .get(0);
    rules.add(id);
    mvc.perform(get("/admin/case-routing").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").with(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("分派规则")))
        .andExpect(content().string(containsString("路由测试")))
        .andExpect(content().string(containsString("负载最少优先")));
    mvc.perform(
            post("/admin/case-routing")
                .with(admin)
                .with(csrf())
                .param("category", category)
                .param("strategy", "ROUND_ROBIN"))
        .andExpect(flash().attribute("flashError", "case.routing.team.required"));
    mvc.perform(post("/admin/case-routing/" + id + "/delete").with(admin).with(csrf()))
        .andExpect(flash().attribute("flashSuccess", "case.routing.deleted"));
    mvc.perform(get("/admin/case-routing").with(user(userDetails.loadUserByUsername(first))))
        .andExpect(status().isForbidden());
  }
}
