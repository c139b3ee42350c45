package org.manyi.surveys;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.manyi.TestUsers.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class SurveyApiIntegrationTests {

  @Autowired MockMvc mvc;

  private String createActive(String body) throws Exception {
    String created =
        mvc.perform(
                post("/api/v1/surveys")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("DRAFT"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(created, "$.id");
    mvc.perform(
            patch("/api/v1/surveys/" + id)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"ACTIVE\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ACTIVE"));
    return id;
  }

  private String token(String id) throws Exception {
    String url =
        JsonPath.read(
            mvc.perform(get("/api/v1/surveys/" + id).with(admin()))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.url");
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private void answer(String token, String answers) throws Exception {
    mvc.perform(
            post("/api/v1/public/responses/" + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\":" + answers + "}")
                .with(
                    r -> {
                      r.setRemoteAddr(
                          "10.0."
                              + (int) (Math.random() * 250)
                              + "."
                              + (int) (Math.random() * 250));
                      return r;
                    }))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.responseId").exists());
  }

  @Test
  void createsAnswersAndMeasuresNpsWithItsInterval() throws Exception {
    String id =
        createActive(
            """
            {"name":"门店 NPS","questions":[{"key":"nps","type":"NPS","text":{"zh-CN":"推荐意愿？","en":"Recommend?"},"required":true},
             {"key":"reason","type":"TEXT","text":{"zh-CN":"原因","en":"Why"}}]}
            """);
    String token = token(id);
    // 4 promoters, 4 passives, 2 detractors → NPS 20
    for (int score : new int[] {10, 9, 9, 10, 7, 8, 7, 8, 3, 6}) {
      answer(token, "{\"nps\":" + score + ",\"reason\":\"服务好\"}");
    }
    mvc.perform(get("/api/v1/metrics/nps?surveyId=" + id).with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].group").value("all"))
        .andExpect(jsonPath("$[0].n").value(10))
        .andExpect(jsonPath("$[0].promoters").value(4))
        .andExpect(jsonPath("$[0].detractors").value(2))
        .andExpect(jsonPath("$[0].nps").value(closeTo(20.0, 1e-9), Double.class))
        // adjusted Wald: n' = 13, p' = 4.75/13, d' = 2.75/13 → 15.38 ± 40.43
        .andExpect(jsonPath("$[0].ciLow").value(closeTo(-25.05, 0.05), Double.class))
        .andExpect(jsonPath("$[0].ciHigh").value(closeTo(55.82, 0.05), Double.class))
        .andExpect(jsonPath("$[0].smallSample").value(true));
    mvc.perform(get("/api/v1/metrics/nps?groupBy=month&surveyId=" + id).with(admin()))
        .andExpect(jsonPath("$[0].group").value(containsString("-")));
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    mvc.perform(
            get("/api/v1/metrics/nps/compare?surveyId="
                    + id
                    + "&aFrom=2020-01-01&aTo=2020-12-31&bFrom="
                    + today.minusDays(1)
                    + "&bTo="
                    + today.plusDays(1))
                .with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.b.n").value(10))
        .andExpect(jsonPath("$.a.n").value(0))
        .andExpect(jsonPath("$.p").exists());
  }

  @Test
  void csatAndCesFromTheTemplates() throws Exception {
    String id = createActive("{\"name\":\"投诉回访\",\"template\":\"POST_COMPLAINT\"}");
    String token = token(id);
    answer(token, "{\"csat\":5,\"ces\":7,\"nps\":9}");
    answer(token, "{\"csat\":4,\"ces\":5,\"nps\":6}");
    answer(token, "{\"csat\":2,\"ces\":3,\"nps\":8}");
    mvc.perform(get("/api/v1/metrics/csat?surveyId=" + id).with(admin()))
        .andExpect(jsonPath("$[0].n").value(3))
        .andExpect(jsonPath("$[0].top2Box").value(closeTo(66.667, 0.01), Double.class))
        .andExpect(jsonPath("$[0].mean").value(closeTo(3.667, 0.01), Double.class));
    mvc.perform(get("/api/v1/metrics/ces?surveyId=" + id).with(admin()))
        .andExpect(jsonPath("$[0].mean").value(closeTo(5.0, 1e-9), Double.class));
  }

  @Test
  void badAnswersAre400sNamingTheAnswer() throws Exception {
    String id = createActive("{\"name\":\"NPS\",\"template\":\"NPS_REASON\"}");
    String token = token(id);
    mvc.perform(
            post("/api/v1/public/responses/" + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\":{\"nps\":11}}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("answers.nps"));
    mvc.perform(
            post("/api/v1/public/responses/" + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\":{\"reason\":\"x\"}}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("answers.nps"));
    mvc.perform(
            post("/api/v1/public/responses/" + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\":{\"nps\":5,\"shoeSize\":42}}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("answers.shoeSize"));
    mvc.perform(
            post("/api/v1/public/responses/" + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("[1,2]"))
        .andExpect(status().isBadRequest());
    mvc.perform(
            post("/api/v1/public/responses/no-such-token")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\":{\"nps\":5}}"))
        .andExpect(status().isNotFound());
  }

  @Test
  void closedSurveysRefuseResponsesAndStatusRulesHold() throws Exception {
    String id = createActive("{\"name\":\"CES\",\"template\":\"CES_SERVICE\"}");
    String token = token(id);
    mvc.perform(
            patch("/api/v1/surveys/" + id)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"CLOSED\"}"))
        .andExpect(jsonPath("$.status").value("CLOSED"));
    mvc.perform(
            post("/api/v1/public/responses/" + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\":{\"ces\":5}}"))
        .andExpect(status().isConflict());
    mvc.perform(
            patch("/api/v1/surveys/" + id)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"DRAFT\"}"))
        .andExpect(status().isConflict());
    String empty =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/surveys")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"空\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    mvc.perform(
            patch("/api/v1/surveys/" + empty)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"ACTIVE\"}"))
        .andExpect(status().isConflict());
  }

  @Test
  void answeredQuestionsAreFrozenInAVersion() throws Exception {
    String id = createActive("{\"name\":\"版本\",\"template\":\"NPS_REASON\"}");
    answer(token(id), "{\"nps\":9}");
    mvc.perform(
            patch("/api/v1/surveys/" + id)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"questions\":[{\"key\":\"nps\",\"type\":\"NPS\",\"text\":{\"zh-CN\":\"新问法\"},\"required\":true}]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(2))
        .andExpect(jsonPath("$.responses").value(1));
  }

  @Test
  void invalidSurveysAndRolesAreRefused() throws Exception {
    mvc.perform(
            post("/api/v1/surveys")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"name\":\"x\",\"questions\":[{\"key\":\"1bad\",\"type\":\"NPS\",\"text\":{\"en\":\"?\"}}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("questions[0].key"));
    mvc.perform(
            post("/api/v1/surveys")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"name\":\"x\",\"questions\":[{\"key\":\"a\",\"type\":\"STARS\",\"text\":{\"en\":\"?\"}}]}"))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/v1/metrics/csat?from=yesterday").with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("from"));
    mvc.perform(get("/api/v1/metrics/nps?groupBy=year").with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("groupBy"));
    String agent = TestUsers.create(mvc, "AGENT");
    mvc.perform(get("/api/v1/surveys").with(TestUsers.as(agent))).andExpect(status().isForbidden());
    String marketer = TestUsers.create(mvc, "MARKETER");
    mvc.perform(
            post("/api/v1/surveys")
                .with(TestUsers.as(marketer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"市场调查\",\"template\":\"CSAT_PURCHASE\"}"))
        .andExpect(status().isCreated());
  }
}
