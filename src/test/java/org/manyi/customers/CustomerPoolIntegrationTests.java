package org.manyi.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.manyi.TestUsers.admin;
import static org.manyi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class CustomerPoolIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired CustomerFollowUps followUps;
  @Autowired IdentityUserDetailsService userDetails;

  private String teamId(String team) throws Exception {
    String teams =
        mvc.perform(get("/api/v1/teams").with(admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.<java.util.List<String>>read(teams, "$..[?(@.name == '" + team + "')].id")
        .get(0);
  }

  private void rule(String teamId, Integer days, int perDay) throws Exception {
    mvc.perform(
            put("/api/v1/customers/pool/rules")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"teamId\":\"%s\",\"returnAfterDays\":%s,\"claimsPerDay\":%d}"
                        .formatted(teamId, days, perDay)))
        .andExpect(status().isOk());
  }

  private void age(String customer, int days) {
    jdbc.sql("UPDATE customer SET created_at = ? WHERE id = ?")
        .params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(days), UUID.fromString(customer))
        .update();
  }

  @Test
  void idleCustomersReturnToThePoolAndAnotherAgentClaimsThemWithinTheDailyLimit() throws Exception {
    String team = CustomerFixtures.team(mvc);
    String owner = CustomerFixtures.user(mvc, "AGENT", team);
    String other = CustomerFixtures.user(mvc, "AGENT", CustomerFixtures.team(mvc));
    String idle =
        CustomerFixtures.customer(
            mvc, owner, "{\"name\":\"闲置客户\",\"phone\":\"%s\"}".formatted(CustomerFixtures.phone()));
    String followed =
        CustomerFixtures.customer(
            mvc, owner, "{\"name\":\"常联系\",\"phone\":\"%s\"}".formatted(CustomerFixtures.phone()));
    String idle2 =
        CustomerFixtures.customer(
            mvc, owner, "{\"name\":\"闲置二\",\"phone\":\"%s\"}".formatted(CustomerFixtures.phone()));
    age(idle, 10);
    age(followed, 10);
    age(idle2, 10);
    followUps.followedUp(
        new CustomerId(UUID.fromString(followed)), Instant.now().minus(1, ChronoUnit.DAYS));
    rule(teamId(team), 5, 20);

    mvc.perform(post("/api/v1/customers/pool/sweeps").with(admin())).andExpect(status().isOk());
    mvc.perform(get("/api/v1/customers/pool").param("size", "500").with(as(other)))
        .andExpect(jsonPath("$.items[*].id", hasItem(idle)))
        .andExpect(jsonPath("$.items[*].id", hasItem(idle2)));
    mvc.perform(get("/api/v1/customers/" + followed).with(as(other)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/customers/" + idle).with(as(other))).andExpect(status().isOk());

    // the other agent's team allows one claim a day
    rule(teamId(CustomerFixtures.teamOf(mvc, other)), null, 1);
    mvc.perform(post("/api/v1/customers/" + idle + "/claim").with(as(other)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ownerName").value(containsString(other)));
    mvc.perform(post("/api/v1/customers/" + idle2 + "/claim").with(as(other)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value(containsString("claim-limit")));
    mvc.perform(post("/api/v1/customers/" + idle + "/claim").with(as(owner)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/customers/" + idle).with(as(owner))).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/customers/" + idle + "/assignments").with(as(other)))
        .andExpect(jsonPath("$[0].reason").value("CLAIMED"))
        .andExpect(jsonPath("$[1].reason").value("RETURNED"));
  }

  @Test
  void ownersReleaseCustomersAndThe360PageOffersTheClaim() throws Exception {
    String team = CustomerFixtures.team(mvc);
    String owner = CustomerFixtures.user(mvc, "AGENT", team);
    String id =
        CustomerFixtures.customer(
            mvc, owner, "{\"name\":\"放弃客户\",\"phone\":\"%s\"}".formatted(CustomerFixtures.phone()));
    mvc.perform(
            post("/api/v1/customers/" + id + "/release")
                .with(as(owner))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"客户已搬走\"}"))
        .andExpect(status().isNoContent());
    mvc.perform(post("/api/v1/customers/" + id + "/release").with(as(owner)))
        .andExpect(status().isConflict());
    mvc.perform(get("/customers/" + id).with(user(userDetails.loadUserByUsername(owner))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"claimCustomer\"")))
        .andExpect(content().string(containsString("客户已搬走")));
    mvc.perform(get("/customers/pool").with(user(userDetails.loadUserByUsername(owner))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("放弃客户")));
    mvc.perform(
            get("/customers/pool")
                .param("q", "放弃客户")
                .header("HX-Request", "true")
                .with(user(userDetails.loadUserByUsername(owner))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"pool-rows\"")));
    mvc.perform(
            post("/customers/" + id + "/claim")
                .with(user(userDetails.loadUserByUsername(owner)))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql("SELECT in_pool FROM customer WHERE id = ?")
                .param(UUID.fromString(id))
                .query(Boolean.class)
                .single())
        .isFalse();
  }

  @Test
  void rulesAreValidatedAndOnlyAdminsChangeThem() throws Exception {
    mvc.perform(
            put("/api/v1/customers/pool/rules")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"returnAfterDays\":0,\"claimsPerDay\":5}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("returnAfterDays"));
    String agent = CustomerFixtures.user(mvc, "AGENT", CustomerFixtures.team(mvc));
    mvc.perform(
            put("/api/v1/customers/pool/rules")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"claimsPerDay\":5}"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/customers/pool/rules").with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"ruleTable\"")));
  }
}
