package org.manyi.text;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.manyi.TestUsers.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.TestUsers;
import org.manyi.cases.CaseFixtures;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The text analytics API and the keywords page. */
@IntegrationTest
class TextIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired IdentityUserDetailsService userDetails;

  @Test
  void sentimentAnswersInTheSameOrder() throws Exception {
    mvc.perform(
            post("/api/v1/text/sentiment")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"texts\":[\"服务太差了，非常失望\",\"非常满意，下次还来\",\"\"]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(3))
        .andExpect(jsonPath("$[0].label").value("NEGATIVE"))
        .andExpect(jsonPath("$[0].score").isNumber())
        .andExpect(jsonPath("$[1].label").value("POSITIVE"))
        .andExpect(jsonPath("$[2].label").value("NEUTRAL"));
  }

  @Test
  void tooManyOrMissingTextsAre400() throws Exception {
    String many = "[" + String.join(",", Collections.nCopies(1001, "\"好\"")) + "]";
    mvc.perform(
            post("/api/v1/text/sentiment")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"texts\":" + many + "}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("texts"));
    mvc.perform(
            post("/api/v1/text/keywords")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("texts"));
    mvc.perform(
            post("/api/v1/text/keywords")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"texts\":[\"快递\"],\"top\":0}"))
        .andExpect(jsonPath("$.errors[0].field").value("top"));
    String analyst = TestUsers.create(mvc, "MARKETER");
    mvc.perform(
            post("/api/v1/text/sentiment")
                .with(TestUsers.as(analyst))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"texts\":[\"好\"]}"))
        .andExpect(status().isOk());
  }

  @Test
  void keywordsOfTextsTogether() throws Exception {
    mvc.perform(
            post("/api/v1/text/keywords")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"texts\":[\"快递太慢了\",\"快递员态度差\",\"发票开错了\"],\"top\":2}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.texts").value(3))
        .andExpect(jsonPath("$.keywords.length()").value(2))
        .andExpect(jsonPath("$.keywords[0].term").value("快递"));
  }

  @Test
  void theKeywordsPageShowsWordsOfNegativeCases() throws Exception {
    String team = CaseFixtures.team(mvc);
    String agent = CaseFixtures.user(mvc, "AGENT", team);
    String customer = CaseFixtures.customer(mvc, agent, "王芳");
    CaseFixtures.complaint(mvc, agent, customer);
    var adminUser = user(userDetails.loadUserByUsername("admin"));
    mvc.perform(get("/text/keywords").with(adminUser).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("<html"), containsString("关键词与情感"))));
    mvc.perform(
            get("/text/keywords")
                .param("sentiment", "ALL")
                .header("HX-Request", "true")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .with(adminUser))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        not(containsString("<html")),
                        containsString("keywordTable"),
                        // which words lead depends on every other test's cases in the shared
                        // database; the words of given texts are checked through the API
                        containsString("data-term="))));
    mvc.perform(
            post("/text/analyse")
                .with(adminUser)
                .with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .param("text", "快递太慢了，非常失望"))
        .andExpect(content().string(allOf(containsString("负面"), containsString("快递"))));
    mvc.perform(get("/text/keywords").with(user(userDetails.loadUserByUsername(agent))))
        .andExpect(status().isForbidden());
  }
}
