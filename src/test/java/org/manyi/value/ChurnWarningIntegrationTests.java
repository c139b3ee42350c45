package org.manyi.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.manyi.TestUsers.admin;
import static org.manyi.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.TestUsers;
import org.manyi.platform.Jobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A partial defector is warned, gets a retention call, and the warning closes on recovery. */
@IntegrationTest
class ChurnWarningIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Jobs jobs;

  private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  private void order(String customer, int daysAgo, int amount) throws Exception {
    mvc.perform(
            post("/api/v1/orders")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    ("{\"externalId\":\"CW-%s\",\"customerId\":\"%s\",\"orderedAt\":\"%sT12:00:00+08:00\","
                            + "\"channel\":\"STORE\",\"items\":[{\"sku\":\"W\",\"name\":\"咖啡豆\","
                            + "\"category\":\"食品\",\"quantity\":1,\"unitPrice\":%d}]}")
                        .formatted(UUID.randomUUID(), customer, today.minusDays(daysAgo), amount)))
        .andExpect(status().isCreated());
  }

  private void check() throws Exception {
    String started =
        mvc.perform(
                post("/api/v1/analytics/churn/warnings/runs")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"asOf\":\"" + today + "\"}"))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID job = UUID.fromString(JsonPath.read(started, "$.jobId"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> jobs.find(job).orElseThrow().status().finished());
    assertThat(jobs.find(job).orElseThrow().status().name()).isEqualTo("SUCCEEDED");
  }

  @Test
  void spendHalvingWhileStillBuyingIsWarnedAndBuyingAgainAtTheUsualLevelClosesIt()
      throws Exception {
    String agent = TestUsers.create(mvc, "AGENT");
    String customer =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/customers?allowDuplicate=true")
                        .with(as(agent))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"半流失客户\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    for (int daysAgo : new int[] {170, 150, 130, 110}) {
      order(customer, daysAgo, 500);
    }
    order(customer, 60, 400);

    check();
    mvc.perform(get("/api/v1/customers/" + customer + "/value").with(admin()))
        .andExpect(jsonPath("$.churnWarnings[0].reasons", hasItem("SPEND_DROP")))
        .andExpect(jsonPath("$.churnWarnings[0].previousSpend").value(2000.0))
        .andExpect(jsonPath("$.churnWarnings[0].lastSpend").value(400.0));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                mvc.perform(
                        get("/api/v1/tasks")
                            .param("assignee", "me")
                            .param("due", "all")
                            .with(as(agent)))
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.items[0].priority").value("HIGH")));

    order(customer, 40, 500);
    order(customer, 20, 500);
    order(customer, 5, 600);
    check();
    mvc.perform(get("/api/v1/customers/" + customer + "/value").with(admin()))
        .andExpect(jsonPath("$.churnWarnings.length()").value(0));
  }
}
