package org.manyi.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.manyi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Remedies above their threshold (refund: 500 yuan by default) wait for a supervisor. */
@IntegrationTest
class CaseRemedyApprovalIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired IdentityUserDetailsService userDetails;

  String team;
  String agent;
  String manager;
  String id;

  @BeforeEach
  void investigatingCase() throws Exception {
    team = CaseFixtures.team(mvc);
    agent = CaseFixtures.user(mvc, "AGENT", team);
    manager = CaseFixtures.user(mvc, "MANAGER", team);
    String customer = CaseFixtures.customer(mvc, agent, "吴敏");
    id = JsonPath.read(CaseFixtures.complaint(mvc, agent, customer), "$.id");
    act(agent, "acknowledge", "{}").andExpect(status().isOk());
    act(
            agent,
            "assess",
            "{\"category\":\"price_billing\",\"severity\":\"LOW\",\"urgency\":\"LOW\"}")
        .andExpect(status().isOk());
    act(
            agent,
            "assign",
            "{\"queue\":\""
                + team
                + "\",\"assigneeId\":\""
                + CaseFixtures.userId(mvc, agent)
                + "\"}")
        .andExpect(jsonPath("$.status").value("INVESTIGATING"));
  }

  private ResultActions act(String user, String action, String json) throws Exception {
    return mvc.perform(
        post("/api/v1/cases/" + id + "/" + action)
            .with(as(user))
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  @Test
  void aRefundAboveTheThresholdWaitsForTheTeamsManager() throws Exception {
    act(agent, "respond", "{\"remedy\":\"REFUND\",\"message\":\"全额退款\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("amount"));
    act(agent, "respond", "{\"remedy\":\"REFUND\",\"amount\":-1,\"message\":\"全额退款\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("amount"));
    act(agent, "respond", "{\"remedy\":\"REFUND\",\"amount\":800,\"message\":\"全额退款 800 元\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("INVESTIGATING"))
        .andExpect(jsonPath("$.pendingRemedy").value("REFUND"))
        .andExpect(jsonPath("$.pendingAmount").value(800))
        .andExpect(jsonPath("$.firstResponseAt").doesNotExist());
    // the customer hears nothing yet
    mvc.perform(get("/api/v1/cases/" + id + "/history").with(as(agent)))
        .andExpect(
            jsonPath(
                "$[?(@.visibility == 'CUSTOMER')].text",
                org.hamcrest.Matchers.not(hasItem(containsString("800")))));
    act(agent, "respond", "{\"remedy\":\"APOLOGY\",\"message\":\"抱歉\"}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("case.approval.pending"));
    act(agent, "remedy-approval", "{\"approved\":true}").andExpect(status().isForbidden());
    String otherTeam = CaseFixtures.team(mvc);
    String otherManager = CaseFixtures.user(mvc, "MANAGER", otherTeam);
    act(otherManager, "remedy-approval", "{\"approved\":true}").andExpect(status().isNotFound());
    act(manager, "remedy-approval", "{}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("approved"));

    act(manager, "remedy-approval", "{\"approved\":true,\"note\":\"同意\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("RESPONDED"))
        .andExpect(jsonPath("$.remedy").value("REFUND"))
        .andExpect(jsonPath("$.remedyAmount").value(800))
        .andExpect(jsonPath("$.pendingRemedy").doesNotExist());
    mvc.perform(get("/api/v1/cases/" + id + "/history").with(as(agent)))
        .andExpect(jsonPath("$[?(@.kind == 'APPROVAL')].text", hasItem("approved · 同意")))
        .andExpect(
            jsonPath("$[?(@.visibility == 'CUSTOMER')].text", hasItem("REFUND 800: 全额退款 800 元")));
    act(manager, "remedy-approval", "{\"approved\":true}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("case.approval.none"));
  }

  @Test
  void belowTheThresholdOrFromTheManagerTheRemedyGoesOutAtOnce() throws Exception {
    act(manager, "respond", "{\"remedy\":\"REFUND\",\"amount\":900,\"message\":\"主管直接批准退款\"}")
        .andExpect(jsonPath("$.status").value("RESPONDED"))
        .andExpect(jsonPath("$.remedyAmount").value(900));
  }

  @Test
  void theCasePageShowsThePendingRemedyAndLetsTheManagerRefuseIt() throws Exception {
    act(agent, "respond", "{\"remedy\":\"POINTS\",\"amount\":9000,\"message\":\"补偿 9000 积分\"}")
        .andExpect(jsonPath("$.pendingRemedy").value("POINTS"));
    mvc.perform(
            get("/cases/" + id)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .with(user(userDetails.loadUserByUsername(agent))))
        .andExpect(content().string(containsString("待审批")))
        .andExpect(
            content().string(org.hamcrest.Matchers.not(containsString("id=\"approveRemedy\""))));
    mvc.perform(
            get("/cases/" + id)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .with(user(userDetails.loadUserByUsername(manager))))
        .andExpect(content().string(containsString("id=\"approveRemedy\"")));
    mvc.perform(
            post("/cases/" + id + "/remedy-approval")
                .with(user(userDetails.loadUserByUsername(manager)))
                .with(csrf())
                .param("approved", "false")
                .param("note", "积分过高"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/api/v1/cases/" + id).with(as(agent)))
        .andExpect(jsonPath("$.status").value("INVESTIGATING"))
        .andExpect(jsonPath("$.pendingRemedy").doesNotExist());
  }
}
