package org.manyi.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.clv.Cdnow;
import org.manyi.clv.Transaction;
import org.manyi.platform.JobView;
import org.manyi.platform.Jobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Lifetime-value fits on purchases stored through the API: the CDNOW sample loaded as orders gives
 * the published BG/NBD estimates, customers get P(alive), CLV and churn risk as of a date, and the
 * backtest proposes a warning threshold. Skipped with a message without the shared data.
 */
@IntegrationTest
class ClvFitIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Jobs jobs;
  @Autowired org.manyi.identity.internal.IdentityUserDetailsService userDetails;

  /** Loads the CDNOW sample as orders (once per context: the external ids make it idempotent). */
  private void loadCdnow() throws Exception {
    List<Transaction> log = Cdnow.sampleTransactions();
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < log.size(); i++) {
      Transaction t = log.get(i);
      if (i > 0) {
        body.append(',');
      }
      body.append(
          String.format(
              Locale.ROOT,
              "{\"externalId\":\"CDNOW-%d\",\"customerExternalId\":\"CDNOW-%s\","
                  + "\"customerName\":\"CDNOW %s\",\"orderedAt\":\"%sT12:00:00+08:00\","
                  + "\"channel\":\"WEB\",\"items\":[{\"sku\":\"CD\",\"name\":\"CD\","
                  + "\"category\":\"音乐\",\"quantity\":1,\"unitPrice\":%.2f}]}",
              i,
              t.customerId(),
              t.customerId(),
              t.date(),
              t.amount()));
    }
    body.append(']');
    mvc.perform(
            post("/api/v1/orders/batch?unknownCustomer=CREATE")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.toString()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rejected").value(0));
  }

  private JsonNode finished(String started) {
    UUID job = UUID.fromString(JsonPath.read(started, "$.jobId"));
    await()
        .atMost(Duration.ofMinutes(3))
        .until(() -> jobs.find(job).orElseThrow().status().finished());
    JobView view = jobs.find(job).orElseThrow();
    assertThat(view.error()).isNull();
    return view.result();
  }

  private String customerId(String externalId) throws Exception {
    String found =
        mvc.perform(get("/api/v1/customers?q=" + externalId).with(admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(found, "$.items[0].id");
  }

  @Test
  void cdnowStoredAsOrdersGivesThePublishedEstimatesAndAsOfValues() throws Exception {
    loadCdnow();
    String started =
        mvc.perform(
                post("/api/v1/analytics/clv/fits")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"calibrationEnd\":\"1997-09-30\",\"timeUnit\":\"WEEK\","
                            + "\"model\":\"BG_NBD\",\"spendModel\":\"GAMMA_GAMMA\","
                            + "\"horizon\":52,\"discountRate\":0.01,"
                            + "\"holdoutEnd\":\"1998-06-30\"}"))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode fit = finished(started);
    // Fader, Hardie & Lee (2005), within 1 %
    assertThat(fit.get("customers").asInt()).isEqualTo(2357);
    assertThat(fit.get("r").asDouble()).isCloseTo(0.243, within(0.243 * 0.01));
    assertThat(fit.get("alpha").asDouble()).isCloseTo(4.414, within(4.414 * 0.01));
    assertThat(fit.get("a").asDouble()).isCloseTo(0.793, within(0.793 * 0.01));
    assertThat(fit.get("b").asDouble()).isCloseTo(2.426, within(2.426 * 0.01));
    assertThat(fit.get("logLikelihood").asDouble()).isCloseTo(-9582.4, within(95.8));
    assertThat(fit.get("p").asDouble()).isPositive();
    assertThat(fit.get("holdout").get("rows").size()).isEqualTo(8);
    assertThat(fit.get("churnMethod").asString()).isEqualTo("LOGISTIC_AS_OF");

    // customer 4 of the sample bought on 1997-01-01, -01-18 and -08-02: 2 repeat purchases
    String id = customerId("CDNOW-4");
    String value =
        mvc.perform(get("/api/v1/customers/" + id + "/value?asOf=1997-09-30").with(admin()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.asOf").value("1997-09-30"))
            .andExpect(jsonPath("$.fitCalibrationEnd").value("1997-09-30"))
            .andExpect(jsonPath("$.churnReasons[0]").isString())
            .andReturn()
            .getResponse()
            .getContentAsString();
    double pAlive = ((Number) JsonPath.read(value, "$.pAlive")).doubleValue();
    double risk = ((Number) JsonPath.read(value, "$.churnRisk")).doubleValue();
    double clv = ((Number) JsonPath.read(value, "$.clv")).doubleValue();
    assertThat(pAlive).isBetween(0.0, 1.0);
    assertThat(risk).isBetween(0.0, 1.0);
    assertThat(clv).isPositive();
    // before the fit's calibration end there is no model to apply: the figures stay empty
    mvc.perform(get("/api/v1/customers/" + id + "/value?asOf=1997-06-30").with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.pAlive").isEmpty())
        .andExpect(jsonPath("$.churnReasons").isEmpty());
    // a later date applies the fit to the history up to that date: the December purchase counts
    String later =
        mvc.perform(get("/api/v1/customers/" + id + "/value?asOf=1997-12-31").with(admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(((Number) JsonPath.read(later, "$.churnRisk")).doubleValue()).isNotEqualTo(risk);

    mvc.perform(get("/analytics/clv").with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("clvHoldout")))
        .andExpect(content().string(containsString("clvTop")));
    mvc.perform(
            get("/customers/" + id + "/value-panel")
                .header("HX-Request", "true")
                .with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("churnRisk")));

    String backtest =
        mvc.perform(
                post("/api/v1/analytics/churn/backtests")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"cutoff\":\"1997-09-30\",\"horizonDays\":273,\"targetPrecision\":0.9}"))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode result = finished(backtest);
    assertThat(result.get("customers").asInt()).isEqualTo(2357);
    JsonNode proposed = result.get("proposedThreshold");
    assertThat(proposed.get("threshold").get("precision").asDouble()).isGreaterThanOrEqualTo(0.9);
    assertThat(proposed.get("trueAlarmsPerMonth").asDouble()).isPositive();
    double combined = 0;
    for (JsonNode s : result.get("signals")) {
      if (s.get("signal").asString().equals("COMBINED")) {
        combined = s.get("auc").asDouble();
      }
    }
    assertThat(combined).isGreaterThan(0.75);
    mvc.perform(
            get("/analytics/warnings/backtests/" + JsonPath.read(backtest, "$.jobId"))
                .with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("backtestChart")))
        .andExpect(content().string(containsString("proposedThreshold")));
  }

  @Test
  void badFitRequestsAreRefusedByField() throws Exception {
    mvc.perform(
            post("/api/v1/analytics/clv/fits")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"timeUnit\":\"MONTH\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("timeUnit"));
    mvc.perform(
            post("/api/v1/analytics/clv/fits")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"calibrationEnd\":\"2999-01-01\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("calibrationEnd"));
    mvc.perform(
            post("/api/v1/analytics/clv/fits")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"calibrationEnd\":\"1997-09-30\",\"holdoutEnd\":\"1997-01-01\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("holdoutEnd"));
  }
}
