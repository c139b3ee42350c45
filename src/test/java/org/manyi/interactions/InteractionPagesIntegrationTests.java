package org.manyi.interactions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class InteractionPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired IdentityUserDetailsService userDetails;

  String agent;
  String otherAgent;
  String customer;

  @BeforeEach
  void staff() throws Exception {
    String team = InteractionFixtures.team(mvc);
    agent = InteractionFixtures.user(mvc, "AGENT", team);
    otherAgent = InteractionFixtures.user(mvc, "AGENT", InteractionFixtures.team(mvc));
    customer = InteractionFixtures.customer(mvc, agent, "周芷若");
  }

  @Test
  void quickLogFormIsAWholePageOrAnHtmxFragment() throws Exception {
    mvc.perform(get("/customers/" + customer + "/interactions/new").with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<nav")))
        .andExpect(content().string(containsString("id=\"interactionForm\"")))
        .andExpect(content().string(containsString("周芷若")));
    mvc.perform(
            get("/customers/" + customer + "/interactions/new")
                .header("HX-Request", "true")
                .with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"interactionForm\"")))
        .andExpect(content().string(not(containsString("navbar"))));
  }

  @Test
  void loggingThroughTheFragmentAnswersWithAConfirmation() throws Exception {
    mvc.perform(
            post("/customers/" + customer + "/interactions/new")
                .header("HX-Request", "true")
                .with(as(agent))
                .with(csrf())
                .locale(Locale.SIMPLIFIED_CHINESE)
                .param("channel", "VISIT")
                .param("direction", "OUTBOUND")
                .param("occurredAt", "2026-11-20T14:30")
                .param("subject", "上门安装")
                .param("durationMinutes", "45"))
        .andExpect(status().isOk())
        .andExpect(header().string("HX-Trigger", "interactionLogged"))
        .andExpect(content().string(containsString("沟通已记录")));
    // typed and shown in the business time zone, whatever the server's zone
    mvc.perform(get("/customers/" + customer + "/interactions").with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("上门安装")))
        .andExpect(content().string(containsString("2026-11-20 14:30")));
    mvc.perform(get("/interactions").param("q", "上门").with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("上门安装")));
    mvc.perform(
            get("/interactions").header("HX-Request", "true").param("q", "上门").with(as(otherAgent)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("上门安装"))))
        .andExpect(content().string(not(containsString("navbar"))));
  }

  @Test
  void invalidInputKeepsWhatWasTypedAndMarksTheField() throws Exception {
    mvc.perform(
            post("/customers/" + customer + "/interactions/new")
                .with(as(agent))
                .with(csrf())
                .param("channel", "PHONE")
                .param("direction", "INBOUND")
                .param("occurredAt", "2026-11-20T09:00")
                .param("notes", "没填主题的备注")
                .param("subject", ""))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("is-invalid")))
        .andExpect(content().string(containsString("没填主题的备注")));
  }

  @Test
  void loggingWithoutHtmxRedirectsToTheInteraction() throws Exception {
    mvc.perform(
            post("/customers/" + customer + "/interactions/new")
                .with(as(agent))
                .with(csrf())
                .param("channel", "PHONE")
                .param("direction", "INBOUND")
                .param("occurredAt", "2026-11-20T09:00")
                .param("subject", "投诉物流慢"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("/interactions/*"));
  }

  @Test
  void anotherTeamsCustomerHasNoQuickLog() throws Exception {
    mvc.perform(get("/customers/" + customer + "/interactions/new").with(as(otherAgent)))
        .andExpect(status().isNotFound());
  }

  @Test
  void detailShowsTheInteractionWithItsAttachments() throws Exception {
    String id = InteractionFixtures.interaction(mvc, agent, customer);
    mvc.perform(get("/interactions/" + id).with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("询问物流")))
        .andExpect(content().string(containsString("id=\"attachments\"")));
  }

  RequestPostProcessor as(String username) {
    return user(userDetails.loadUserByUsername(username));
  }
}
