package org.manyi.surveys;

import static org.hamcrest.Matchers.containsString;
import static org.manyi.TestUsers.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class SurveyPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService userDetails;

  @Test
  void buildsASurveyFromATemplateAndShowsItsResults() throws Exception {
    var signedIn = user(userDetails.loadUserByUsername("admin"));
    String location =
        mvc.perform(
                post("/surveys/new")
                    .with(signedIn)
                    .with(csrf())
                    .param("name", "页面测试")
                    .param("template", "NPS_REASON"))
            .andExpect(redirectedUrlPattern("/surveys/*"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    mvc.perform(
            post(location + "/questions")
                .with(signedIn)
                .with(csrf())
                .param("key", "store")
                .param("type", "SINGLE_CHOICE")
                .param("textZh", "哪家门店？")
                .param("options", "sh=上海\nbj=北京")
                .param("required", "false"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(post(location + "/status").with(signedIn).with(csrf()).param("status", "ACTIVE"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get(location).with(signedIn).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("页面测试")))
        .andExpect(content().string(containsString("哪家门店？")))
        .andExpect(content().string(containsString("/s/")));
    mvc.perform(get("/surveys").with(signedIn)).andExpect(content().string(containsString("页面测试")));
    byte[] png =
        mvc.perform(get(location + "/qr.png").with(signedIn))
            .andExpect(status().isOk())
            .andExpect(content().contentType("image/png"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    org.assertj.core.api.Assertions.assertThat(
            javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth())
        .isEqualTo(320);
  }

  @Test
  void aCustomerAnswersOnThePublicPageWithoutSigningIn() throws Exception {
    String created =
        mvc.perform(
                post("/api/v1/surveys")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"公开页\",\"template\":\"NPS_REASON\"}"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(created, "$.id");
    String url = JsonPath.read(created, "$.url");
    String path = url.substring(url.indexOf("/s/"));
    mvc.perform(get(path)).andExpect(content().string(containsString("此调查暂不可用")));
    mvc.perform(
        patch("/api/v1/surveys/" + id)
            .with(admin())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"status\":\"ACTIVE\"}"));
    mvc.perform(get(path).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("How likely are you to recommend us")));
    mvc.perform(post(path).with(csrf()).param("nps", "12"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("responseError")));
    mvc.perform(post(path).with(csrf()).param("nps", "9").param("reason", "快递很快"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"thanks\"")));
    mvc.perform(get("/api/v1/metrics/nps?surveyId=" + id).with(admin()))
        .andExpect(jsonPath("$[0].n").value(1));
    mvc.perform(get("/s/not-a-real-token"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("unavailable")));
  }

  @Test
  void dashboardShowsTrendsRankingAndSampleSize() throws Exception {
    var signedIn = user(userDetails.loadUserByUsername("admin"));
    mvc.perform(
            get("/surveys/dashboard?groupBy=week&margin=5")
                .with(signedIn)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("1,537 responses")));
    mvc.perform(get("/surveys/dashboard?groupBy=decade").with(signedIn))
        .andExpect(status().isBadRequest());
  }

  @Test
  void reliabilityOfTaggedConstructsIsShown() throws Exception {
    String created =
        mvc.perform(
                post("/api/v1/surveys")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"ECSI 信度\",\"template\":\"ECSI\"}"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(created, "$.id");
    String url = JsonPath.read(created, "$.url");
    String token = url.substring(url.lastIndexOf('/') + 1);
    mvc.perform(
        patch("/api/v1/surveys/" + id)
            .with(admin())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"status\":\"ACTIVE\"}"));
    String[] items = {
      "IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5", "CUEX1", "CUEX2", "CUEX3", "PERQ1", "PERQ2",
      "PERQ3", "PERQ4", "PERQ5", "PERQ6", "PERQ7", "PERV1", "PERV2", "CUSA1", "CUSA2", "CUSA3",
      "CUSCO", "CUSL1", "CUSL2", "CUSL3"
    };
    for (int level = 3; level <= 9; level += 2) {
      StringBuilder answers = new StringBuilder("{");
      for (int i = 0; i < items.length; i++) {
        answers
            .append(i == 0 ? "" : ",")
            .append('"')
            .append(items[i])
            .append("\":")
            .append(level + (i % 2));
      }
      answers.append('}');
      final int address = level;
      mvc.perform(
              post("/api/v1/public/responses/" + token)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"answers\":" + answers + "}")
                  .with(
                      r -> {
                        r.setRemoteAddr("10.77.0." + address);
                        return r;
                      }))
          .andExpect(status().isCreated());
    }
    mvc.perform(get("/surveys/" + id).with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"reliability\"")))
        .andExpect(content().string(containsString("PERQ")));
  }
}
