package org.manyi.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.manyi.TestUsers.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.manyi.IntegrationTest;
import org.manyi.platform.Jobs;
import org.manyi.surveys.internal.InvitationMailer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Email invitations through an embedded SMTP server. Quiet hours here last all day except 23:59 to
 * midnight UTC, so every invitation waits for them to end and the tests send by calling the
 * dispatcher at a chosen minute (the scheduled dispatch is off).
 */
@IntegrationTest
@TestPropertySource(
    properties = {
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=39025",
      "manyi.mail.from=survey@manyi.test",
      "manyi.surveys.mail.dispatch-enabled=false",
      "manyi.surveys.quiet-hours.start=00:00",
      "manyi.surveys.quiet-hours.end=23:59",
      "manyi.surveys.quiet-hours.zone=UTC"
    })
class InvitationMailIntegrationTests {

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withPerMethodLifecycle(false);

  private static final Pattern LINK = Pattern.compile("http://localhost/s/([A-Za-z0-9_-]+)");

  @Autowired MockMvc mvc;
  @Autowired Jobs jobs;
  @Autowired InvitationMailer mailer;

  @BeforeEach
  void emptyMailboxes() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
  }

  /** The next minute outside the quiet hours (23:59:30 UTC) after {@code after}. */
  private static Instant allowedAfter(Instant after) {
    LocalDate day = after.atZone(ZoneOffset.UTC).toLocalDate();
    Instant candidate = day.atTime(23, 59, 30).toInstant(ZoneOffset.UTC);
    return candidate.isAfter(after) ? candidate : candidate.plus(Duration.ofDays(1));
  }

  private static String to(MimeMessage message) throws Exception {
    return message.getRecipients(Message.RecipientType.TO)[0].toString();
  }

  @Test
  void emailCampaignWaitsForQuietHoursGoesOnlyToConsentingCustomersAndRemindsNonResponders()
      throws Exception {
    String survey = SurveyFixtures.openSurvey(mvc, "邮件邀请调查");
    String city = SurveyFixtures.city();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String answering = "a" + tag + "@example.com";
    String silent = "b" + tag + "@example.com";
    String refusing = "c" + tag + "@example.com";
    SurveyFixtures.customer(mvc, "王答卷", city, answering, true);
    SurveyFixtures.customer(mvc, "李沉默", city, silent, true);
    SurveyFixtures.customer(mvc, "赵拒绝", city, refusing, false);
    SurveyFixtures.customer(mvc, "钱无邮箱", city, null, true);

    String started =
        mvc.perform(
                post("/api/v1/surveys/" + survey + "/invitations/campaigns")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"channel":"EMAIL","segment":{"city":"%s"},"expiresInDays":30,
                         "reminderAfterDays":3}
                        """
                            .formatted(city)))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID job = UUID.fromString(JsonPath.read(started, "$.jobId"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> jobs.find(job).orElseThrow().status().finished());
    Instant created = Instant.now();
    mvc.perform(get("/api/v1/jobs/" + job).with(admin()))
        .andExpect(jsonPath("$.status").value("SUCCEEDED"))
        .andExpect(jsonPath("$.result.matched").value(4))
        .andExpect(jsonPath("$.result.excluded.NO_CONSENT").value(1))
        .andExpect(jsonPath("$.result.excluded.NO_ADDRESS").value(1))
        .andExpect(jsonPath("$.result.invited").value(2))
        .andExpect(jsonPath("$.result.waiting").value(2))
        .andExpect(jsonPath("$.result.sent").value(0));
    assertThat(smtp.getReceivedMessages()).isEmpty();
    mvc.perform(get("/api/v1/surveys/" + survey + "/invitations/counts").with(admin()))
        .andExpect(jsonPath("$.QUEUED").value(2));

    // the quiet hours end: both consenting customers get the bilingual invitation
    Instant first = allowedAfter(created);
    assertThat(mailer.dispatch(first.minus(Duration.ofMinutes(1)))).as("quiet hours").isZero();
    assertThat(mailer.dispatch(first)).isEqualTo(2);
    MimeMessage[] sent = smtp.getReceivedMessages();
    assertThat(sent).hasSize(2);
    assertThat(Arrays.stream(sent).map(m -> uncheckedTo(m)))
        .containsExactlyInAnyOrder(answering, silent)
        .doesNotContain(refusing);
    MimeMessage toAnswering =
        Arrays.stream(sent).filter(m -> uncheckedTo(m).equals(answering)).findFirst().orElseThrow();
    assertThat(toAnswering.getSubject()).contains("邮件邀请调查").contains("诚邀");
    assertThat(toAnswering.getFrom()[0].toString()).isEqualTo("survey@manyi.test");
    String body = (String) toAnswering.getContent();
    assertThat(body)
        .contains("王答卷")
        .contains("Dear 王答卷")
        .contains("/opt-out")
        .contains("no longer wish");
    Matcher link = LINK.matcher(body);
    assertThat(link.find()).isTrue();
    String token = link.group(1);

    // one answers; the other is reminded once, after three days
    mvc.perform(get("/s/" + token)).andExpect(status().isOk());
    mvc.perform(get("/api/v1/surveys/" + survey + "/invitations?state=OPENED").with(admin()))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].customerName").value("王答卷"));
    mvc.perform(
            post("/api/v1/public/responses/" + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\":{\"nps\":9}}"))
        .andExpect(status().isCreated());
    assertThat(mailer.dispatch(first.plus(Duration.ofDays(2)))).isZero();
    assertThat(mailer.dispatch(first.plus(Duration.ofDays(3)))).isEqualTo(1);
    sent = smtp.getReceivedMessages();
    assertThat(sent).hasSize(3);
    assertThat(to(sent[2])).isEqualTo(silent);
    assertThat(sent[2].getSubject()).startsWith("温馨提醒").contains("Reminder");
    assertThat(mailer.dispatch(first.plus(Duration.ofDays(4)))).isZero();

    String list =
        mvc.perform(get("/api/v1/surveys/" + survey + "/invitations").with(admin()))
            .andExpect(jsonPath("$.total").value(2))
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> states = JsonPath.read(list, "$.items[*].state");
    assertThat(states).containsExactlyInAnyOrder("ANSWERED", "SENT");
    List<Object> reminded = JsonPath.read(list, "$.items[?(@.state == 'SENT')].remindedAt");
    assertThat(reminded).hasSize(1).doesNotContainNull();
  }

  @Test
  void theInvitationEndpointQueuesEmailOnlyWithConsentAndNoReminderOutlivesTheLink()
      throws Exception {
    String survey = SurveyFixtures.openSurvey(mvc, "邮件接口");
    String city = SurveyFixtures.city();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String consenting = SurveyFixtures.customer(mvc, "孙同意", city, "d" + tag + "@example.com", true);
    String refusing = SurveyFixtures.customer(mvc, "周拒绝", city, "e" + tag + "@example.com", false);
    mvc.perform(
            post("/api/v1/surveys/" + survey + "/invitations")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"customerIds":["%s","%s"],"channel":"EMAIL","expiresInDays":2}
                    """
                        .formatted(consenting, refusing)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.items[0].outcome").value("INVITED"))
        .andExpect(jsonPath("$.items[1].outcome").value("NO_CONSENT"))
        .andExpect(jsonPath("$.items[1].token").doesNotExist());
    Instant first = allowedAfter(Instant.now());
    assertThat(mailer.dispatch(first)).isEqualTo(1);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(to(smtp.getReceivedMessages()[0])).isEqualTo("d" + tag + "@example.com");
    // the default reminder (3 days) would come after the 2-day expiry: none is sent
    assertThat(mailer.dispatch(first.plus(Duration.ofDays(3)))).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void consentWithdrawnWhileQueuedStopsTheMailAndTheFailureIsShown() throws Exception {
    String survey = SurveyFixtures.openSurvey(mvc, "撤回同意");
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String customer =
        SurveyFixtures.customer(
            mvc, "吴撤回", SurveyFixtures.city(), "f" + tag + "@example.com", true);
    mvc.perform(
            post("/api/v1/surveys/" + survey + "/invitations")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerIds\":[\"" + customer + "\"],\"channel\":\"EMAIL\"}"))
        .andExpect(jsonPath("$.items[0].outcome").value("INVITED"));
    mvc.perform(
            patch("/api/v1/customers/" + customer)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"consents\":[{\"channel\":\"EMAIL\",\"granted\":false}]}"))
        .andExpect(status().isOk());
    assertThat(mailer.dispatch(allowedAfter(Instant.now()))).isZero();
    assertThat(smtp.getReceivedMessages()).isEmpty();
    mvc.perform(get("/api/v1/surveys/" + survey + "/invitations").with(admin()))
        .andExpect(jsonPath("$.items[0].state").value("FAILED"))
        .andExpect(jsonPath("$.items[0].failure").value("no consent to email"));
  }

  private static String uncheckedTo(MimeMessage message) {
    try {
      return to(message);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
