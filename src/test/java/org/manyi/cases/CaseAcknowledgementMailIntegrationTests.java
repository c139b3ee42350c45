package org.manyi.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.manyi.TestUsers.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.manyi.IntegrationTest;
import org.manyi.cases.internal.AutomaticAcknowledgement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The acknowledgement emailed on receipt, through an embedded SMTP server. */
@IntegrationTest
@TestPropertySource(
    properties = {
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=39026",
      "manyi.mail.from=service@manyi.test",
      "manyi.cases.acknowledgement.follow-url=https://service.manyi.test/track"
    })
class CaseAcknowledgementMailIntegrationTests {

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(new ServerSetup(39026, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withPerMethodLifecycle(false);

  @Autowired MockMvc mvc;
  @Autowired AutomaticAcknowledgement acknowledgement;

  @BeforeEach
  void emptyMailboxes() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
  }

  private static String recipients(MimeMessage m) {
    try {
      return GreenMailUtil.getAddressList(m.getAllRecipients());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String customer(String name, @Nullable String email) throws Exception {
    // no marketing consent: the acknowledgement answers the customer's own request
    String body =
        "{\"name\":\"%s\"%s,\"consents\":[{\"channel\":\"EMAIL\",\"granted\":false}]}"
            .formatted(name, email == null ? "" : ",\"email\":\"" + email + "\"");
    return JsonPath.read(
        mvc.perform(
                post("/api/v1/customers?allowDuplicate=true")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }

  private String complaint(String customer) throws Exception {
    return mvc.perform(
            post("/api/v1/cases")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"type":"COMPLAINT","customerId":"%s","channel":"EMAIL",
                     "description":"洗衣机运转时噪音很大","remedyRequested":"上门检修"}
                    """
                        .formatted(customer)))
        .andExpect(status().isCreated())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private String caseStatus(String id) throws Exception {
    return JsonPath.read(
        mvc.perform(get("/api/v1/cases/" + id).with(admin()))
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.status");
  }

  @Test
  void aNewCaseIsAcknowledgedByEmailWithItsNumberAndHowToFollowIt() throws Exception {
    String address = "w" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String json = complaint(customer("王芳", address));
    String id = JsonPath.read(json, "$.id");
    String number = JsonPath.read(json, "$.number");
    await().atMost(Duration.ofSeconds(20)).until(() -> "ACKNOWLEDGED".equals(caseStatus(id)));

    MimeMessage[] mails =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(m -> recipients(m).contains(address))
            .toArray(MimeMessage[]::new);
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getSubject()).contains(number).contains("已收到");
    String text = (String) mails[0].getContent();
    assertThat(text)
        .contains(number)
        .contains("王芳")
        .contains("投诉")
        .contains("https://service.manyi.test/track");

    String acknowledged =
        mvc.perform(get("/api/v1/cases/" + id).with(admin()))
            .andExpect(jsonPath("$.secondsToAcknowledge").isNumber())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Instant received = Instant.parse(JsonPath.read(acknowledged, "$.receivedAt"));
    Instant at = Instant.parse(JsonPath.read(acknowledged, "$.acknowledgedAt"));
    assertThat(at).isAfterOrEqualTo(received);
    mvc.perform(get("/api/v1/cases/" + id + "/history").with(admin()))
        .andExpect(
            jsonPath(
                "$[?(@.kind == 'MESSAGE')].text",
                hasItem(
                    "已通过邮件确认受理 / Acknowledged by email: " + address.charAt(0) + "***@example.com")))
        .andExpect(jsonPath("$[?(@.to == 'ACKNOWLEDGED')].visibility", hasItem("CUSTOMER")));

    // a second delivery of the event sends nothing more
    assertThat(acknowledgement.acknowledge(new CaseId(UUID.fromString(id)), Instant.now()))
        .isEqualTo(AutomaticAcknowledgement.Outcome.SKIPPED);
  }

  @Test
  void withoutAnAddressTheCaseWaitsForAnAgentWithANoteSayingWhy() throws Exception {
    String id = JsonPath.read(complaint(customer("李雷", null)), "$.id");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                mvc.perform(get("/api/v1/cases/" + id + "/history").with(admin()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString()
                    .contains("no email address"));
    assertThat(caseStatus(id)).isEqualTo("RECEIVED");
    mvc.perform(
            post("/api/v1/cases/" + id + "/acknowledge")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"message\":\"电话告知案件编号\"}"))
        .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
  }
}
