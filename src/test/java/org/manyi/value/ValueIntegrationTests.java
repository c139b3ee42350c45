package org.manyi.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.manyi.TestUsers.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.manyi.platform.Jobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ValueIntegrationTests {

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
                    ("{\"externalId\":\"RFM-%s\",\"customerId\":\"%s\",\"orderedAt\":\"%sT12:00:00+08:00\","
                            + "\"channel\":\"STORE\",\"items\":[{\"sku\":\"R\",\"name\":\"茶叶\","
                            + "\"category\":\"食品\",\"quantity\":1,\"unitPrice\":%d}]}")
                        .formatted(UUID.randomUUID(), customer, day, amount)))
        .andExpect(status().isCreated());
  }

  @Test
  void aRunScoresBuyersAsOfTheDateAndTheValuePanelShowsThem() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String loyal = customer("RFM 常客");
    String once = customer("RFM 一次");
    for (int i = 1; i <= 6; i++) {
      order(loyal, today.minusDays(i * 10L), 500);
    }
    order(once, today.minusDays(300), 80);
    order(once, today.minusDays(400), 80); // outside a 12-month window

    String started =
        mvc.perform(
                post("/api/v1/analytics/rfm/runs")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"asOf\":\"" + today + "\",\"windowMonths\":12}"))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID job = UUID.fromString(JsonPath.read(started, "$.jobId"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> jobs.find(job).orElseThrow().status().finished());
    assertThat(jobs.find(job).orElseThrow().status().name()).isEqualTo("SUCCEEDED");

    mvc.perform(get("/api/v1/customers/" + loyal + "/value").with(admin()))
        .andExpect(jsonPath("$.rfm.recencyDays").value(10))
        .andExpect(jsonPath("$.rfm.frequency").value(6))
        .andExpect(jsonPath("$.rfm.monetary").value(3000.0));
    mvc.perform(get("/api/v1/customers/" + once + "/value").with(admin()))
        .andExpect(jsonPath("$.rfm.recencyDays").value(300))
        .andExpect(jsonPath("$.rfm.frequency").value(1));
    mvc.perform(get("/api/v1/analytics/rfm/segments").with(admin()))
        .andExpect(jsonPath("$.segments.length()").value(11))
        .andExpect(jsonPath("$.run.asOf").value(today.toString()));
    mvc.perform(get("/api/v1/analytics/deciles").with(admin()))
        .andExpect(jsonPath("$.deciles[0].decile").value(1));
    mvc.perform(
            get("/customers/" + loyal + "/value-panel")
                .header("HX-Request", "true")
                .with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("valuePanel")));
    mvc.perform(get("/analytics/value").with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("rfmSegments")));
  }

  @Test
  void refusesAFutureDateNamingTheField() throws Exception {
    mvc.perform(
            post("/api/v1/analytics/rfm/runs")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"asOf\":\"2999-01-01\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("asOf"));
  }
}
