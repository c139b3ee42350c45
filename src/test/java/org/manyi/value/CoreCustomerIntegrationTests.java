package org.manyi.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.manyi.TestUsers.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.manyi.platform.Jobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class CoreCustomerIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Jobs jobs;
  @Autowired IdentityUserDetailsService userDetails;

  private String customer(String name) throws Exception {
    return JsonPath.read(
        mvc.perform(
                post("/api/v1/customers?allowDuplicate=true")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"" + name + "\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }

  private void order(String customer, LocalDate day, int amount) throws Exception {
    mvc.perform(
            post("/api/v1/orders")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    ("{\"externalId\":\"CORE-%s\",\"customerId\":\"%s\",\"orderedAt\":\"%sT12:00:00+08:00\","
                            + "\"channel\":\"STORE\",\"items\":[{\"sku\":\"C\",\"name\":\"茶叶\","
                            + "\"category\":\"食品\",\"quantity\":1,\"unitPrice\":%d}]}")
                        .formatted(UUID.randomUUID(), customer, day, amount)))
        .andExpect(status().isCreated());
  }

  private void rules(String json, int expectedStatus) throws Exception {
    mvc.perform(
            put("/api/v1/analytics/core-customers/rules")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json))
        .andExpect(status().is(expectedStatus));
  }

  @Test
  void coreCustomersMeetEveryRuleAndAreAFilterOfTheCustomerList() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String tag = "核心" + UUID.randomUUID().toString().substring(0, 6);
    String loyal = customer("核心 老客");
    String recent = customer("核心 新客");
    String once = customer("核心 一次");
    for (int i = 0; i < 4; i++) {
      order(loyal, today.minusDays(200 - i * 30L), 20_000);
      order(recent, today.minusDays(50 - i * 10L), 20_000);
    }
    order(once, today.minusDays(300), 90_000);

    mvc.perform(
            put("/api/v1/analytics/core-customers/rules")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"tag\":\"x\",\"topValueShare\":1.5,\"excludeWarned\":false}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("topValueShare"));
    mvc.perform(
            put("/api/v1/analytics/core-customers/rules")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"tag\":\" \",\"excludeWarned\":false}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("tag"));
    rules(
        "{\"tag\":\""
            + tag
            + "\",\"minSpend\":50000,\"minPurchases\":3,\"minTenureDays\":100,"
            + "\"maxServiceContacts\":10,\"excludeWarned\":true}",
        200);

    String started =
        mvc.perform(post("/api/v1/analytics/core-customers/runs").with(admin()))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID job = UUID.fromString(JsonPath.read(started, "$.jobId"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> jobs.find(job).orElseThrow().status().finished());
    assertThat(jobs.find(job).orElseThrow().status().name()).isEqualTo("SUCCEEDED");

    mvc.perform(get("/api/v1/analytics/core-customers").with(admin()))
        .andExpect(jsonPath("$.rules.tag").value(tag))
        .andExpect(jsonPath("$.run.core").value(1));
    String list =
        mvc.perform(get("/api/v1/customers").param("size", "500").param("tag", tag).with(admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> ids = JsonPath.read(list, "$.items[*].id");
    assertThat(ids).containsExactly(loyal);

    var admin = user(userDetails.loadUserByUsername("admin"));
    mvc.perform(
            get("/customers/" + loyal + "/value-extras").header("HX-Request", "true").with(admin))
        .andExpect(content().string(containsString("coreBadge")));
    mvc.perform(get("/analytics/core").with(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("coreRules")))
        .andExpect(content().string(containsString("coreList")));
    mvc.perform(
            post("/analytics/core/rules")
                .param("tag", tag)
                .param("topValuePercent", "0")
                .with(csrf())
                .with(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("rulesError")));
  }
}
