package org.manyi.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.manyi.TestUsers.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.platform.Jobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The churn backtest on the purchases stored through the API. */
@IntegrationTest
class ChurnBacktestIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Jobs jobs;
  @Autowired org.manyi.identity.internal.IdentityUserDetailsService userDetails;

  private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  private String customer(String name) throws Exception {
    return JsonPath.read(
        mvc.perform(
                post("/api/v1/customers?allowDuplicate=true")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"" + name + "\"}"))
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }

  private void order(String customer, LocalDate day) throws Exception {
    mvc.perform(
            post("/api/v1/orders")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    ("{\"externalId\":\"BT-%s\",\"customerId\":\"%s\",\"orderedAt\":\"%sT10:00:00+08:00\","
                            + "\"channel\":\"STORE\",\"items\":[{\"sku\":\"B\",\"name\":\"书\","
                            + "\"category\":\"图书\",\"quantity\":1,\"unitPrice\":88}]}")
                        .formatted(UUID.randomUUID(), customer, day)))
        .andExpect(status().isCreated());
  }

  @Test
  void aBacktestReportsEverySignalAndProposesADefault() throws Exception {
    Random random = new Random(11);
    LocalDate cutoff = today.minusDays(120);
    for (int c = 0; c < 30; c++) {
      String id = customer("回测客户" + c);
      boolean stays = c % 2 == 0;
      int purchases = 1 + random.nextInt(5);
      for (int p = 0; p < purchases; p++) {
        order(id, cutoff.minusDays(10 + random.nextInt(300)));
      }
      if (stays) {
        order(id, cutoff.plusDays(5 + random.nextInt(100)));
      }
    }
    String started =
        mvc.perform(
                post("/api/v1/analytics/churn/backtests")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"cutoff\":\"%s\",\"horizonDays\":110}".formatted(cutoff)))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID job = UUID.fromString(JsonPath.read(started, "$.jobId"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> jobs.find(job).orElseThrow().status().finished());
    assertThat(jobs.find(job).orElseThrow().error()).isNull();
    mvc.perform(get("/api/v1/jobs/" + job).with(admin()))
        .andExpect(jsonPath("$.status").value("SUCCEEDED"))
        .andExpect(jsonPath("$.result.signals[*].signal", hasItem("COMBINED")))
        .andExpect(jsonPath("$.result.proposed").isNotEmpty())
        .andExpect(jsonPath("$.result.customers").isNumber())
        .andExpect(
            jsonPath("$.messages[0]").value(org.hamcrest.Matchers.containsString("proposed")));
    mvc.perform(
            get("/analytics/warnings")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user(
                        userDetails.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString("backtestForm")));
  }

  @Test
  void aHorizonThatHasNotEndedIsRefusedByField() throws Exception {
    mvc.perform(
            post("/api/v1/analytics/churn/backtests")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"cutoff\":\"%s\",\"horizonDays\":30}".formatted(today.minusDays(10))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("horizonDays"));
  }
}
