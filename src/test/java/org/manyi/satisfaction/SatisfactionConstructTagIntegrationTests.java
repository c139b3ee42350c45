package org.manyi.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.manyi.TestUsers.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A survey written without the model's item keys feeds the model through the construct tags of its
 * questions; the run keeps the spec with the survey's items.
 */
@IntegrationTest
class SatisfactionConstructTagIntegrationTests {

  @Autowired MockMvc mvc;

  @Test
  void aSurveyFeedsAModelThroughTheConstructTagsOfItsQuestions() throws Exception {
    String model =
        mvc.perform(
                post("/api/v1/satisfaction-models")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"name":"标签模型","constructs":[{"name":"SERV","items":["S1","S2","S3"]},
                         {"name":"SATI","items":["T1","T2"]}],
                         "paths":[["SERV","SATI"]],"scaleMin":1,"scaleMax":5,"target":"SATI"}
                        """))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String modelId = JsonPath.read(model, "$.id");
    StringBuilder questions = new StringBuilder();
    List<String> keys = List.of("staff", "speed", "clean", "overall", "again");
    for (String key : keys) {
      String construct = key.equals("overall") || key.equals("again") ? "SATI" : "SERV";
      questions
          .append(questions.length() > 0 ? "," : "")
          .append(
              """
              {"key":"%s","type":"RATING","text":{"zh-CN":"%s","en":"%s"},"required":true,\
              "construct":"%s"}"""
                  .formatted(key, key, key, construct));
    }
    String survey =
        mvc.perform(
                post("/api/v1/surveys")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"门店服务\",\"questions\":[" + questions + "]}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String surveyId = JsonPath.read(survey, "$.id");
    String url = JsonPath.read(survey, "$.url");
    String token = url.substring(url.lastIndexOf('/') + 1);
    mvc.perform(
        patch("/api/v1/surveys/" + surveyId)
            .with(admin())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"status\":\"ACTIVE\"}"));
    Random random = new Random(4);
    for (int r = 0; r < 60; r++) {
      double service = random.nextGaussian();
      double satisfaction = 0.7 * service + 0.6 * random.nextGaussian();
      StringBuilder answers = new StringBuilder("{");
      for (String key : keys) {
        double latent = key.equals("overall") || key.equals("again") ? satisfaction : service;
        long score = Math.max(1, Math.min(5, Math.round(3 + latent + 0.5 * random.nextGaussian())));
        answers.append(answers.length() > 1 ? "," : "").append('"').append(key).append("\":");
        answers.append(score);
      }
      int client = r;
      mvc.perform(
              post("/api/v1/public/responses/" + token)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"answers\":" + answers.append('}') + "}")
                  .with(
                      req -> {
                        req.setRemoteAddr("10.92.0." + client);
                        return req;
                      }))
          .andExpect(status().isCreated());
    }

    String accepted =
        mvc.perform(
                multipart("/api/v1/satisfaction-models/" + modelId + "/runs")
                    .param("surveyId", surveyId)
                    .param("bootstrap", "0")
                    .with(admin()))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String runUrl =
        "/api/v1/satisfaction-models/" + modelId + "/runs/" + JsonPath.read(accepted, "$.runId");
    String[] run = new String[1];
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              run[0] =
                  mvc.perform(get(runUrl).with(admin()))
                      .andReturn()
                      .getResponse()
                      .getContentAsString();
              String status = JsonPath.read(run[0], "$.status");
              if ("FAILED".equals(status)) {
                throw new AssertionError(run[0]);
              }
              return "SUCCEEDED".equals(status);
            });

    assertThat(JsonPath.<Integer>read(run[0], "$.result.n")).isEqualTo(60);
    assertThat(JsonPath.<List<String>>read(run[0], "$.spec.constructs[0].items"))
        .containsExactly("staff", "speed", "clean");
    assertThat(JsonPath.<List<String>>read(run[0], "$.spec.constructs[1].items"))
        .containsExactly("overall", "again");
    assertThat(JsonPath.<Double>read(run[0], "$.result.pathCoefficients[0].estimate"))
        .isGreaterThan(0.3);
  }
}
