package org.manyi.surveys;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.manyi.TestUsers.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.TestUsers;
import org.manyi.platform.Jobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class InvitationCampaignIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Jobs jobs;
  @Autowired UserDetailsService userDetails;

  private String ids(List<String> customers) {
    return "[\"" + String.join("\",\"", customers) + "\"]";
  }

  private UUID finish(String started) {
    UUID job = UUID.fromString(JsonPath.read(started, "$.jobId"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> jobs.find(job).orElseThrow().status().finished());
    return job;
  }

  @Test
  void aSegmentIsSampledReproduciblyAndRecentlyInvitedCustomersAreExcludedNextTime()
      throws Exception {
    String survey = SurveyFixtures.openSurvey(mvc, "分群抽样");
    String city = SurveyFixtures.city();
    for (int i = 0; i < 5; i++) {
      SurveyFixtures.customer(mvc, "分群客户" + i, city, null, false);
    }
    String campaign =
        """
        {"channel":"LINK","segment":{"city":"%s","stages":["PROSPECT"]},
         "sample":"RANDOM","sampleSize":2,"seed":42}
        """
            .formatted(city);
    String preview =
        mvc.perform(
                post("/api/v1/surveys/" + survey + "/invitations/preview")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(campaign))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.matched").value(5))
            .andExpect(jsonPath("$.eligible").value(5))
            .andExpect(jsonPath("$.selected").value(2))
            .andExpect(jsonPath("$.seed").value(42))
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID job =
        finish(
            mvc.perform(
                    post("/api/v1/surveys/" + survey + "/invitations/campaigns")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(campaign))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString());
    mvc.perform(get("/api/v1/jobs/" + job).with(admin()))
        .andExpect(jsonPath("$.status").value("SUCCEEDED"))
        .andExpect(jsonPath("$.result.matched").value(5))
        .andExpect(jsonPath("$.result.invited").value(2))
        .andExpect(jsonPath("$.result.sent").value(0));
    mvc.perform(get("/api/v1/surveys/" + survey + "/invitations").with(admin()))
        .andExpect(jsonPath("$.total").value(2))
        .andExpect(jsonPath("$.items[0].state").value("LINK"));

    // the contact interval now keeps the two out, across surveys
    String other = SurveyFixtures.openSurvey(mvc, "分群抽样二");
    mvc.perform(
            post("/api/v1/surveys/" + other + "/invitations/preview")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(campaign.replace("\"RANDOM\"", "\"ALL\"")))
        .andExpect(jsonPath("$.matched").value(5))
        .andExpect(jsonPath("$.excluded.RECENTLY_INVITED").value(2))
        .andExpect(jsonPath("$.eligible").value(3))
        .andExpect(jsonPath("$.selected").value(3));
    org.assertj.core.api.Assertions.assertThat(preview).contains("\"selected\":2");
  }

  @Test
  void aStratifiedSampleOfAListTakesEachCitysShare() throws Exception {
    String survey = SurveyFixtures.openSurvey(mvc, "分层抽样");
    String big = SurveyFixtures.city();
    String small = SurveyFixtures.city();
    List<String> customers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      customers.add(SurveyFixtures.customer(mvc, "大城客户" + i, big, null, false));
    }
    for (int i = 0; i < 4; i++) {
      customers.add(SurveyFixtures.customer(mvc, "小城客户" + i, small, null, false));
    }
    mvc.perform(
            post("/api/v1/surveys/" + survey + "/invitations/preview")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"channel":"LINK","customerIds":%s,"sample":"STRATIFIED","sampleSize":5,
                     "stratifyBy":"CITY"}
                    """
                        .formatted(ids(customers))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.matched").value(10))
        .andExpect(jsonPath("$.selected").value(5))
        .andExpect(jsonPath("$.allocation." + big).value(3))
        .andExpect(jsonPath("$.allocation." + small).value(2));
  }

  @Test
  void marketersReachEveryCustomerAndEmailNeedsAMailServer() throws Exception {
    String survey = SurveyFixtures.openSurvey(mvc, "范围");
    // marketers own no customers, yet campaigns reach all of them (they cannot open the records)
    String customer = SurveyFixtures.customer(mvc, "范围外客户", SurveyFixtures.city(), null, false);
    String marketer = TestUsers.create(mvc, "MARKETER");
    mvc.perform(
            post("/api/v1/surveys/" + survey + "/invitations/preview")
                .with(TestUsers.as(marketer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"LINK\",\"customerIds\":[\"" + customer + "\"]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.excluded.OUT_OF_SCOPE").doesNotExist())
        .andExpect(jsonPath("$.selected").value(1));
    mvc.perform(
            post("/api/v1/surveys/" + survey + "/invitations/campaigns")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"EMAIL\",\"customerIds\":[\"" + customer + "\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("channel"));
  }

  @Test
  void badCampaignsNameTheirFields() throws Exception {
    String survey = SurveyFixtures.openSurvey(mvc, "校验");
    String url = "/api/v1/surveys/" + survey + "/invitations/campaigns";
    mvc.perform(
            post(url)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"LINK\",\"sample\":\"RANDOM\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sampleSize"));
    mvc.perform(
            post(url)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"LINK\",\"sample\":\"STRATIFIED\",\"sampleSize\":10}"))
        .andExpect(jsonPath("$.errors[0].field").value("stratifyBy"));
    mvc.perform(
            post(url)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"sample\":\"ALL\"}"))
        .andExpect(jsonPath("$.errors[0].field").value("channel"));
    mvc.perform(
            post(url)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"channel\":\"LINK\",\"segment\":{\"createdFrom\":\"2026-02-01\","
                        + "\"createdTo\":\"2026-01-01\"}}"))
        .andExpect(jsonPath("$.errors[0].field").value("segment.createdTo"));
    mvc.perform(
            post(url)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"LINK\",\"customerIds\":[\"" + UUID.randomUUID() + "\"]}"))
        .andExpect(jsonPath("$.errors[0].field").value("customerIds[0]"));
  }

  @Test
  void sampleSizeEndpointAnswersTheWorkedExamples() throws Exception {
    mvc.perform(
            get("/api/v1/surveys/sample-size?metric=NPS&margin=5&confidence=0.95").with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.needed").value(1537));
    mvc.perform(
            get("/api/v1/surveys/sample-size?metric=CSAT&margin=5&confidence=0.95&population=1000")
                .with(admin()))
        .andExpect(jsonPath("$.infinite").value(385))
        .andExpect(jsonPath("$.needed").value(278));
    mvc.perform(get("/api/v1/surveys/sample-size?margin=0").with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("margin"));
  }

  @Test
  void invitationPageShowsTheFormThePreviewFragmentAndProgress() throws Exception {
    var signedIn = user(userDetails.loadUserByUsername("admin"));
    String survey = SurveyFixtures.openSurvey(mvc, "邀请页面");
    String city = SurveyFixtures.city();
    SurveyFixtures.customer(mvc, "页面客户甲", city, null, false);
    SurveyFixtures.customer(mvc, "页面客户乙", city, null, false);
    mvc.perform(
            get("/surveys/" + survey + "/invitations")
                .with(signedIn)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("campaignForm")))
        .andExpect(content().string(containsString("Mail is not configured")))
        .andExpect(content().string(containsString("Quiet hours 21:00–09:00 (Asia/Shanghai)")))
        .andExpect(content().string(containsString("1,537 responses needed")))
        .andExpect(content().string(containsString("No invitations yet")));
    mvc.perform(
            post("/surveys/" + survey + "/invitations/preview")
                .with(signedIn)
                .with(csrf())
                .header("HX-Request", "true")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .param("channel", "LINK")
                .param("city", city)
                .param("sample", "ALL")
                .param("expiresInDays", "30"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("previewResult")))
        .andExpect(content().string(containsString("发送 2 份邀请")))
        .andExpect(content().string(not(containsString("<html"))));
    mvc.perform(
            get("/surveys/" + survey + "/invitations/sample-size")
                .with(signedIn)
                .header("HX-Request", "true")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .param("metric", "CSAT")
                .param("margin", "5")
                .param("confidence", "0.95"))
        .andExpect(content().string(containsString("385 responses needed")));
    String location =
        mvc.perform(
                post("/surveys/" + survey + "/invitations/campaigns")
                    .with(signedIn)
                    .with(csrf())
                    .param("channel", "LINK")
                    .param("city", city)
                    .param("sample", "ALL")
                    .param("expiresInDays", "30"))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrlPattern("/surveys/*/invitations?job=*"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    UUID job = UUID.fromString(location.substring(location.indexOf("job=") + 4));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> jobs.find(job).orElseThrow().status().finished());
    mvc.perform(get(location).with(signedIn).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("job-progress")))
        .andExpect(content().string(containsString("页面客户甲")))
        .andExpect(content().string(containsString("Link created")))
        .andExpect(content().string(containsString("campaignResult")));
  }
}
