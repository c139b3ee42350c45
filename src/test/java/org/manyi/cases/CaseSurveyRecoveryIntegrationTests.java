package org.manyi.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.manyi.TestUsers.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The closed loop: a detractor's answer opens a recovery case for the customer's owner. */
@IntegrationTest
class CaseSurveyRecoveryIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  @Test
  void aDetractorAnswerOpensOneRecoveryCaseForTheOwnerAndAPromoterNone() throws Exception {
    String team = CaseFixtures.team(mvc);
    String owner = CaseFixtures.user(mvc, "AGENT", team);
    String detractor = CaseFixtures.customer(mvc, owner, "不满意客户");
    String promoter = CaseFixtures.customer(mvc, owner, "满意客户");
    String survey =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/surveys")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"挽回测试\",\"template\":\"NPS_REASON\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    mvc.perform(
        patch("/api/v1/surveys/" + survey)
            .with(admin())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"status\":\"ACTIVE\"}"));
    String invited =
        mvc.perform(
                post("/api/v1/surveys/" + survey + "/invitations")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"customerIds\":[\"%s\",\"%s\"],\"channel\":\"LINK\"}"
                            .formatted(detractor, promoter)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<Map<String, Object>> items = JsonPath.read(invited, "$.items");
    for (Map<String, Object> item : items) {
      int nps = detractor.equals(String.valueOf(item.get("customerId"))) ? 3 : 10;
      mvc.perform(
              post("/api/v1/public/responses/" + item.get("token"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"answers\":{\"nps\":" + nps + "}}"))
          .andExpect(status().isCreated());
    }

    await().atMost(Duration.ofSeconds(20)).until(() -> cases(detractor).size() == 1);
    Map<String, Object> recovery = cases(detractor).get(0);
    assertThat(recovery.get("type")).isEqualTo("RECOVERY");
    assertThat(recovery.get("channel")).isEqualTo("SURVEY");
    assertThat(String.valueOf(recovery.get("assignee_id")))
        .isEqualTo(CaseFixtures.userId(mvc, owner));
    Thread.sleep(500);
    assertThat(cases(promoter)).isEmpty();
  }

  private List<Map<String, Object>> cases(String customer) {
    return jdbc.sql("SELECT type, channel, assignee_id FROM service_case WHERE customer_id = ?")
        .param(UUID.fromString(customer))
        .query()
        .listOfRows();
  }
}
