package org.manyi.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.manyi.TestUsers.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Automatic invitations after orders and closed cases (the same context as the mail tests). */
@IntegrationTest
@TestPropertySource(
    properties = {
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=39025",
      "manyi.mail.from=survey@manyi.test",
      "manyi.surveys.mail.dispatch-enabled=false",
      "manyi.surveys.quiet-hours.start=00:00",
      "manyi.surveys.quiet-hours.end=23:59",
      "manyi.surveys.quiet-hours.zone=UTC"
    })
class SurveyTriggerIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired SurveyTriggers triggers;
  @Autowired IdentityUserDetailsService userDetails;

  private void trigger(String survey, String json) throws Exception {
    mvc.perform(
            put("/api/v1/surveys/" + survey + "/trigger")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json))
        .andExpect(status().isOk());
  }

  private void order(String customer, String amount) throws Exception {
    mvc.perform(
            post("/api/v1/orders")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    ("{\"externalId\":\"TR-%s\",\"customerId\":\"%s\",\"orderedAt\":\"%s\","
                            + "\"channel\":\"WEBSITE\",\"items\":[{\"sku\":\"T\",\"name\":\"台灯\","
                            + "\"category\":\"家居\",\"quantity\":1,\"unitPrice\":%s}]}")
                        .formatted(
                            UUID.randomUUID(),
                            customer,
                            OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0),
                            amount)))
        .andExpect(status().isCreated());
  }

  private List<Instant> invitations(String survey, String customer) {
    return jdbc
        .sql("SELECT send_after FROM survey_invitation WHERE survey_id = ? AND customer_id = ?")
        .params(UUID.fromString(survey), UUID.fromString(customer))
        .query(OffsetDateTime.class)
        .list()
        .stream()
        .map(OffsetDateTime::toInstant)
        .toList();
  }

  @Test
  void anOrderAboveTheAmountInvitesTheConsentingBuyerDaysLater() throws Exception {
    String survey = SurveyFixtures.openSurvey(mvc, "订单后满意度");
    String city = SurveyFixtures.city();
    String buyer = SurveyFixtures.customer(mvc, "触发买家", city, "buyer@example.com", true);
    String small = SurveyFixtures.customer(mvc, "小额买家", city, "small@example.com", true);
    String refusing = SurveyFixtures.customer(mvc, "拒收买家", city, "no@example.com", false);
    trigger(survey, "{\"event\":\"ORDER_PLACED\",\"delayDays\":3,\"minAmount\":100}");
    Instant before = Instant.now();

    order(buyer, "299");
    order(small, "50");
    order(refusing, "299");

    await().atMost(Duration.ofSeconds(20)).until(() -> invitations(survey, buyer).size() == 1);
    assertThat(invitations(survey, buyer).get(0))
        .isAfterOrEqualTo(before.plus(Duration.ofDays(3)).minusSeconds(5));
    Thread.sleep(500);
    assertThat(invitations(survey, small)).isEmpty();
    assertThat(invitations(survey, refusing)).isEmpty();
  }

  @Test
  void aClosedCaseInvitesOnceAndBadTriggersAreRefusedByField() throws Exception {
    String survey = SurveyFixtures.openSurvey(mvc, "结案后满意度");
    String customer =
        SurveyFixtures.customer(mvc, "结案客户", SurveyFixtures.city(), "case@example.com", true);
    trigger(survey, "{\"event\":\"CASE_CLOSED\",\"delayDays\":1}");
    triggers.caseClosed(UUID.fromString(customer), Instant.now());
    triggers.caseClosed(UUID.fromString(customer), Instant.now());
    assertThat(invitations(survey, customer)).hasSize(1);

    mvc.perform(
            put("/api/v1/surveys/" + survey + "/trigger")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"event\":\"ORDER_PLACED\",\"delayDays\":200}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("delayDays"));
    mvc.perform(get("/api/v1/surveys/" + survey + "/trigger").with(admin()))
        .andExpect(jsonPath("$.event").value("CASE_CLOSED"));
    mvc.perform(
            get("/surveys/" + survey + "/trigger")
                .header("HX-Request", "true")
                .with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("triggerForm")));
  }
}
