package org.manyi.surveys;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.manyi.TestUsers.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class InvitationIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired org.manyi.customers.CustomerContacts contacts;

  private String json(org.springframework.test.web.servlet.RequestBuilder request)
      throws Exception {
    return mvc.perform(request).andReturn().getResponse().getContentAsString();
  }

  @Test
  void aPersonalLinkTakesOneResponseAndShowsOnTheCustomersTimeline() throws Exception {
    String customer =
        JsonPath.read(
            json(
                post("/api/v1/customers?allowDuplicate=true")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"邀请测试" + System.nanoTime() % 100000 + "\"}")),
            "$.id");
    String survey =
        JsonPath.read(
            json(
                post("/api/v1/surveys")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"专属链接\",\"template\":\"NPS_REASON\"}")),
            "$.id");
    String body = "{\"customerIds\":[\"" + customer + "\"],\"channel\":\"LINK\"}";
    mvc.perform(
            post("/api/v1/surveys/" + survey + "/invitations")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isConflict());
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
                    .content(body))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.items[0].outcome").value("INVITED"))
            .andExpect(jsonPath("$.items[0].url").value(containsString("/s/")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String token = JsonPath.read(invited, "$.items[0].token");

    // the opt-out link asks first, then withdraws the customer's email consent
    mvc.perform(get("/s/" + token + "/opt-out"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("confirmOptOut")));
    mvc.perform(post("/s/" + token + "/opt-out").with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("optedOut")));
    org.assertj.core.api.Assertions.assertThat(
            contacts
                .contact(
                    new org.manyi.customers.CustomerId(java.util.UUID.fromString(customer)),
                    org.manyi.customers.ConsentChannel.EMAIL)
                .orElseThrow()
                .consented())
        .isFalse();

    mvc.perform(get("/s/" + token).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("surveyForm")));
    mvc.perform(
            post("/api/v1/public/responses/" + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\":{\"nps\":4}}"))
        .andExpect(status().isCreated());
    mvc.perform(
            post("/api/v1/public/responses/" + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\":{\"nps\":10}}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("already-answered"));
    mvc.perform(get("/s/" + token).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
        .andExpect(content().string(containsString("already been used")));

    // contact rule: no second invitation within the interval, whatever the survey
    mvc.perform(
            post("/api/v1/surveys/" + survey + "/invitations")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(jsonPath("$.items[0].outcome").value("RECENTLY_INVITED"))
        .andExpect(jsonPath("$.items[0].token").doesNotExist());

    mvc.perform(get("/api/v1/customers/" + customer + "/timeline").with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("survey")))
        .andExpect(content().string(containsString("NPS 4")));
  }

  @Test
  void invitationsAreValidated() throws Exception {
    String survey =
        JsonPath.read(
            json(
                post("/api/v1/surveys")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"邀请校验\",\"template\":\"NPS_REASON\"}")),
            "$.id");
    mvc.perform(
        patch("/api/v1/surveys/" + survey)
            .with(admin())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"status\":\"ACTIVE\"}"));
    mvc.perform(
            post("/api/v1/surveys/" + survey + "/invitations")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerIds\":[\"" + UUID.randomUUID() + "\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("customerIds[0]"));
    mvc.perform(
            post("/api/v1/surveys/" + survey + "/invitations")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerIds\":[],\"channel\":\"LINK\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("customerIds")));
    mvc.perform(
            post("/api/v1/surveys/" + survey + "/invitations")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerIds\":[\"" + UUID.randomUUID() + "\"],\"channel\":\"EMAIL\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("channel"));
    mvc.perform(get("/s/no-such-personal-link")).andExpect(status().isNotFound());
  }
}
