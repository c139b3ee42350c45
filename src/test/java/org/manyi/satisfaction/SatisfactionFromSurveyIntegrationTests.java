package org.manyi.satisfaction;

import static org.manyi.TestUsers.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** An ECSI survey's answers feed the ready ECSI model without any file. */
@IntegrationTest
class SatisfactionFromSurveyIntegrationTests {

  private static final String[][] BLOCKS = {
    {"IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5"},
    {"CUEX1", "CUEX2", "CUEX3"},
    {"PERQ1", "PERQ2", "PERQ3", "PERQ4", "PERQ5", "PERQ6", "PERQ7"},
    {"PERV1", "PERV2"},
    {"CUSA1", "CUSA2", "CUSA3"},
    {"CUSCO"},
    {"CUSL1", "CUSL2", "CUSL3"}
  };

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService userDetails;

  @Test
  void runsTheEcsiModelOnAnEcsiSurvey() throws Exception {
    String created =
        mvc.perform(
                post("/api/v1/surveys")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"ECSI 调查 → 模型\",\"template\":\"ECSI\"}"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String surveyId = JsonPath.read(created, "$.id");
    String url = JsonPath.read(created, "$.url");
    String token = url.substring(url.lastIndexOf('/') + 1);
    mvc.perform(
        patch("/api/v1/surveys/" + surveyId)
            .with(admin())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"status\":\"ACTIVE\"}"));
    Random random = new Random(8);
    for (int r = 0; r < 60; r++) {
      double level = random.nextGaussian();
      StringBuilder answers = new StringBuilder("{");
      for (String[] block : BLOCKS) {
        double construct = 0.7 * level + 0.7 * random.nextGaussian();
        for (String item : block) {
          long score = Math.round(6 + 1.5 * (construct + 0.5 * random.nextGaussian()));
          answers
              .append(answers.length() > 1 ? "," : "")
              .append('"')
              .append(item)
              .append("\":")
              .append(Math.max(1, Math.min(10, score)));
        }
      }
      final int client = r;
      mvc.perform(
              post("/api/v1/public/responses/" + token)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"answers\":" + answers.append('}') + "}")
                  .with(
                      req -> {
                        req.setRemoteAddr("10.88.1." + client);
                        return req;
                      }))
          .andExpect(status().isCreated());
    }

    String models =
        mvc.perform(get("/api/v1/satisfaction-models?size=500").with(admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String modelId =
        JsonPath.<net.minidev.json.JSONArray>read(models, "$.items[?(@.template == 'ECSI')].id")
            .get(0)
            .toString();

    String location =
        mvc.perform(
                multipart("/satisfaction/models/" + modelId + "/run")
                    .param("surveyId", surveyId)
                    .param("bootstrap", "0")
                    .with(user(userDetails.loadUserByUsername("admin")))
                    .with(csrf()))
            .andExpect(redirectedUrlPattern("/satisfaction/runs/*"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String runId = location.substring(location.lastIndexOf('/') + 1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              String run =
                  mvc.perform(
                          get("/api/v1/satisfaction-models/" + modelId + "/runs/" + runId)
                              .with(admin()))
                      .andReturn()
                      .getResponse()
                      .getContentAsString();
              String status = JsonPath.read(run, "$.status");
              if ("FAILED".equals(status)) {
                throw new AssertionError(run);
              }
              return "SUCCEEDED".equals(status);
            });
    String run =
        mvc.perform(get("/api/v1/satisfaction-models/" + modelId + "/runs/" + runId).with(admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    org.assertj.core.api.Assertions.assertThat(run).contains("\"n\":60").contains("CUSA");
  }
}
