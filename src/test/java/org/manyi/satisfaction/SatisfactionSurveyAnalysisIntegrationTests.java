package org.manyi.satisfaction;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Kano classification and expectation gaps straight from a survey's paired questions. */
@IntegrationTest
class SatisfactionSurveyAnalysisIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService userDetails;

  @Test
  void classifiesKanoPairsAndRanksGapsOfASurvey() throws Exception {
    StringBuilder questions = new StringBuilder();
    for (String key : new String[] {"wifi_f", "wifi_d", "speed_exp", "speed_per"}) {
      questions
          .append(questions.length() > 0 ? "," : "")
          .append(
              """
              {"key":"%s","type":"RATING","text":{"zh-CN":"%s","en":"%s"},"required":true}"""
                  .formatted(key, key, key));
    }
    String survey =
        mvc.perform(
                post("/api/v1/surveys")
                    .with(TestUsers.admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"Kano 与差距\",\"questions\":[" + questions + "]}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String surveyId = JsonPath.read(survey, "$.id");
    String url = JsonPath.read(survey, "$.url");
    String token = url.substring(url.lastIndexOf('/') + 1);
    mvc.perform(
        patch("/api/v1/surveys/" + surveyId)
            .with(TestUsers.admin())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"status\":\"ACTIVE\"}"));
    // like it present, dislike it absent: one-dimensional; perceived speed below expectation
    int[][] answers = {{1, 5, 5, 3}, {1, 5, 4, 3}, {1, 5, 5, 4}, {2, 5, 4, 2}};
    for (int r = 0; r < answers.length; r++) {
      int[] a = answers[r];
      int client = r;
      mvc.perform(
              post("/api/v1/public/responses/" + token)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      "{\"answers\":{\"wifi_f\":%d,\"wifi_d\":%d,\"speed_exp\":%d,\"speed_per\":%d}}"
                          .formatted(a[0], a[1], a[2], a[3]))
                  .with(
                      req -> {
                        req.setRemoteAddr("10.93.0." + client);
                        return req;
                      }))
          .andExpect(status().isCreated());
    }

    mvc.perform(get("/satisfaction/kano").with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Kano 与差距")));
    mvc.perform(
            multipart("/satisfaction/kano")
                .param("surveyId", surveyId)
                .with(admin())
                .with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"kano-chart\"")))
        .andExpect(content().string(containsString("<td>wifi</td>")))
        .andExpect(content().string(containsString("One-dimensional")));
    mvc.perform(
            multipart("/satisfaction/gaps")
                .param("surveyId", surveyId)
                .with(admin())
                .with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("speed")))
        .andExpect(content().string(containsString("Below expectations")));
  }

  private org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
    return user(userDetails.loadUserByUsername("admin"));
  }
}
