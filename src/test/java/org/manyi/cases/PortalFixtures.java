package org.manyi.cases;

import static org.manyi.TestUsers.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Staff working a portal case through the API, and codes read from the test mail server. */
public final class PortalFixtures {

  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

  private PortalFixtures() {}

  /** The ID of the case with this number (the admin sees every case, newest first). */
  public static String caseId(MockMvc mvc, String number) throws Exception {
    String list =
        mvc.perform(get("/api/v1/cases").param("size", "200").with(admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.<List<String>>read(list, "$.items[?(@.number == '" + number + "')].id").get(0);
  }

  /** Acknowledges, assesses, assigns and answers the case, which then waits for the customer. */
  public static void respond(MockMvc mvc, String id, String message) throws Exception {
    String team = CaseFixtures.team(mvc);
    CaseFixtures.user(mvc, "AGENT", team);
    // the portal's receipt mail acknowledges the case when a mail server is configured
    String status =
        JsonPath.read(
            mvc.perform(get("/api/v1/cases/" + id).with(admin()))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.status");
    if (status.equals("RECEIVED")) {
      json(mvc, "/api/v1/cases/" + id + "/acknowledge", "{\"message\":\"已收到您的反馈\"}");
    }
    json(
        mvc,
        "/api/v1/cases/" + id + "/assess",
        "{\"category\":\"delivery\",\"severity\":\"MEDIUM\",\"urgency\":\"MEDIUM\"}");
    json(mvc, "/api/v1/cases/" + id + "/assign", "{\"queue\":\"" + team + "\"}");
    json(
        mvc,
        "/api/v1/cases/" + id + "/notes",
        "{\"text\":\"内部备注：仓库漏发\",\"visibility\":\"INTERNAL\"}");
    json(
        mvc,
        "/api/v1/cases/" + id + "/respond",
        "{\"remedy\":\"REPLACE\",\"amount\":199,\"message\":\"" + message + "\"}");
  }

  private static void json(MockMvc mvc, String path, String body) throws Exception {
    mvc.perform(post(path).with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().is2xxSuccessful());
  }

  /** The one-time code of the newest mail to the address. */
  public static String lastCode(GreenMailExtension smtp, String to) throws Exception {
    MimeMessage[] all = smtp.getReceivedMessages();
    List<MimeMessage> mine =
        Arrays.stream(all)
            .filter(
                m -> {
                  try {
                    return m.getAllRecipients()[0].toString().equals(to)
                        && m.getSubject().matches(".*(code|验证码).*");
                  } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toList();
    if (mine.isEmpty()) {
      throw new AssertionError("no code mail to " + to);
    }
    String text = mine.get(mine.size() - 1).getContent().toString();
    Matcher m = CODE.matcher(text);
    if (!m.find()) {
      throw new AssertionError("no code in " + text);
    }
    return m.group(1);
  }
}
