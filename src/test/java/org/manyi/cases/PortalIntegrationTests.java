package org.manyi.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.manyi.TestUsers.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.manyi.IntegrationTest;
import org.manyi.cases.internal.PortalLimits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The self-service portal without staff sign-in: pages and public API, codes through an embedded
 * SMTP server, abuse limits, and that internal notes never reach the customer.
 */
@IntegrationTest
@TestPropertySource(
    properties = {
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=39031",
      "manyi.mail.from=service@manyi.test",
      "manyi.portal.submissions-per-hour=4"
    })
class PortalIntegrationTests {

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(new ServerSetup(39031, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withPerMethodLifecycle(false);

  @Autowired MockMvc mvc;
  @Autowired PortalLimits limits;
  @Autowired org.manyi.identity.internal.IdentityUserDetailsService userDetails;

  @BeforeEach
  void forgetLimits() {
    limits.reset();
  }

  private static String email() {
    return "c" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  private String submitPage(String email, String description) throws Exception {
    MvcResult result =
        mvc.perform(
                post("/portal/submit")
                    .with(csrf())
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                    .param("type", "COMPLAINT")
                    .param("name", "李雷")
                    .param("email", email)
                    .param("description", description)
                    .param("remedyRequested", "补发"))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/portal/submitted"))
            .andReturn();
    return (String) result.getFlashMap().get("number");
  }

  @Test
  void homeAndFormsRenderWithoutSigningInInBothLanguages() throws Exception {
    mvc.perform(get("/portal").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("有什么可以帮您"), containsString("查询我的案件"))));
    mvc.perform(get("/portal/submit").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(containsString("Give feedback or complain"), containsString("_csrf"))));
    mvc.perform(get("/portal/follow/code").param("lang", "en"))
        .andExpect(redirectedUrl("/portal/follow"));
    mvc.perform(get("/portal/follow").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Email me a code")));
  }

  @Test
  void aSubmissionWithoutCsrfTokenIsRefused() throws Exception {
    mvc.perform(
            post("/portal/submit")
                .param("type", "COMPLAINT")
                .param("name", "李雷")
                .param("email", email())
                .param("description", "快递三天没到"))
        .andExpect(status().isForbidden());
  }

  @Test
  void theFormKeepsWhatWasTypedAndNamesTheWrongField() throws Exception {
    mvc.perform(
            post("/portal/submit")
                .with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .param("type", "COMPLAINT")
                .param("name", "李雷")
                .param("email", "not-an-address")
                .param("description", "快递三天没到"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("邮箱格式不正确"),
                        containsString("快递三天没到"),
                        containsString("is-invalid"))));
  }

  @Test
  void aCustomerSubmitsFollowsWithTheMailedCodeWritesAndRejectsTheAnswer() throws Exception {
    String email = email();
    String number = submitPage(email, "订单一直没有发货，客服电话打不通");
    assertThat(number).matches("C\\d{8}-\\d{4}");
    String id = PortalFixtures.caseId(mvc, number);
    mvc.perform(get("/api/v1/cases/" + id).with(admin()))
        .andExpect(jsonPath("$.channel").value("PORTAL"))
        // the receipt mailed by the portal is the acknowledgement
        .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
        .andExpect(jsonPath("$.contactName").value("李雷"));

    // a wrong address gets the same answer and no code
    mvc.perform(
            post("/portal/follow/code")
                .with(csrf())
                .param("number", number)
                .param("email", "someone-else@example.com"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("verifyForm")));

    MockHttpSession session = new MockHttpSession();
    mvc.perform(
            post("/portal/follow/code")
                .session(session)
                .with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .param("number", number)
                .param("email", email.toUpperCase(java.util.Locale.ROOT)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("验证码已发送")));
    String code = PortalFixtures.lastCode(smtp, email);

    mvc.perform(
            post("/portal/follow/verify")
                .session(session)
                .with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .param("number", number)
                .param("code", code.equals("000000") ? "000001" : "000000"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("验证码错误或已失效")));
    mvc.perform(
            post("/portal/follow/verify")
                .session(session)
                .with(csrf())
                .param("number", number)
                .param("code", code))
        .andExpect(redirectedUrl("/portal/cases/" + number));
    // the code is used up
    mvc.perform(
            post("/portal/follow/verify").with(csrf()).param("number", number).param("code", code))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("invalid-feedback")));

    mvc.perform(
            get("/portal/cases/" + number)
                .session(session)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("订单一直没有发货"), containsString("已受理"))));

    mvc.perform(
            post("/portal/cases/" + number + "/messages")
                .session(session)
                .with(csrf())
                .param("text", "请尽快处理，谢谢"))
        .andExpect(redirectedUrl("/portal/cases/" + number))
        .andExpect(flash().attribute("flashSuccess", "portal.message.sent"));

    PortalFixtures.respond(mvc, id, "我们将为您补发商品");
    mvc.perform(
            get("/portal/cases/" + number)
                .session(session)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("请尽快处理，谢谢"),
                        containsString("我们将为您补发商品"),
                        containsString("处理方案：换货"),
                        not(containsString("REPLACE:")),
                        containsString("reactionForm"),
                        containsString("已通过邮件确认受理"),
                        not(containsString("内部备注")),
                        not(containsString("仓库漏发")))));

    mvc.perform(
            post("/portal/cases/" + number + "/reaction")
                .session(session)
                .with(csrf())
                .param("reaction", "REJECTED")
                .param("note", "补发太慢"))
        .andExpect(flash().attribute("flashError", "portal.satisfaction.range"));
    mvc.perform(
            post("/portal/cases/" + number + "/reaction")
                .session(session)
                .with(csrf())
                .param("reaction", "REJECTED")
                .param("satisfaction", "2")
                .param("note", "补发太慢"))
        .andExpect(flash().attribute("flashSuccess", "portal.reaction.rejected"));
    mvc.perform(get("/api/v1/cases/" + id).with(admin()))
        .andExpect(jsonPath("$.status").value("ESCALATED"))
        .andExpect(jsonPath("$.reaction").value("REJECTED"));
    // staff see who wrote what, internal notes included
    mvc.perform(
            get("/cases/" + id)
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user(
                        userDetails.loadUserByUsername("admin")))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("客户（服务门户）"),
                        containsString("请尽快处理，谢谢"),
                        containsString("仓库漏发"))));
    mvc.perform(
            get("/portal/cases/" + number)
                .session(session)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("12315"),
                        containsString("2 / 5"),
                        not(containsString("reactionForm")))));
    // a second answer is refused
    mvc.perform(
            post("/portal/cases/" + number + "/reaction")
                .session(session)
                .with(csrf())
                .param("reaction", "ACCEPTED")
                .param("satisfaction", "5"))
        .andExpect(flash().attributeExists("flashError"));
  }

  @Test
  void withoutAVerifiedCodeTheCaseIsNotShown() throws Exception {
    String number = submitPage(email(), "发票抬头开错了");
    mvc.perform(get("/portal/cases/" + number))
        .andExpect(redirectedUrl("/portal/follow?number=" + number));
    mvc.perform(get("/api/v1/public/portal/cases/" + number).header("X-Portal-Token", "guess"))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/public/portal/cases/" + number)).andExpect(status().isNotFound());
  }

  @Test
  void submissionsFromOneAddressAreLimited() throws Exception {
    for (int i = 0; i < 4; i++) {
      submitPage(email(), "第 " + i + " 条反馈");
    }
    mvc.perform(
            post("/api/v1/public/portal/cases")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"type":"SUGGESTION","name":"韩梅梅","email":"%s","description":"再来一条"}
                    """
                        .formatted(email())))
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.type").value(containsString("rate-limited")));
  }

  @Test
  void theJsonApiSubmitsGrantsAccessAndAccepts() throws Exception {
    String email = email();
    String body =
        mvc.perform(
                post("/api/v1/public/portal/cases")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"type":"AFTER_SALES","name":"Ann","email":"%s","description":"The kettle leaks","remedyRequested":"repair"}
                        """
                            .formatted(email)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String number = JsonPath.read(body, "$.number");
    mvc.perform(
            post("/api/v1/public/portal/cases")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"type\":\"RECOVERY\",\"name\":\"x\",\"email\":\""
                        + email
                        + "\",\"description\":\"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("type"));
    mvc.perform(
            post("/api/v1/public/portal/cases/" + number + "/code")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\"}"))
        .andExpect(status().isAccepted());
    String code = PortalFixtures.lastCode(smtp, email);
    mvc.perform(
            post("/api/v1/public/portal/cases/" + number + "/access")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("code"));
    String token =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/public/portal/cases/" + number + "/access")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\"}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.token");
    mvc.perform(
            post("/api/v1/public/portal/cases/" + number + "/reaction")
                .header("X-Portal-Token", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reaction\":\"ACCEPTED\",\"satisfaction\":5}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value(containsString("illegal-transition")));
    PortalFixtures.respond(mvc, PortalFixtures.caseId(mvc, number), "We replace the kettle");
    mvc.perform(get("/api/v1/public/portal/cases/" + number).header("X-Portal-Token", token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("RESPONDED"))
        .andExpect(jsonPath("$.canReact").value(true))
        .andExpect(
            jsonPath("$.history[*].text")
                .value(org.hamcrest.Matchers.hasItem("We replace the kettle")))
        .andExpect(jsonPath("$.history[*].remedy").value(org.hamcrest.Matchers.hasItem("REPLACE")))
        .andExpect(content().string(not(containsString("仓库漏发"))));
    mvc.perform(
            post("/api/v1/public/portal/cases/" + number + "/reaction")
                .header("X-Portal-Token", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reaction\":\"ACCEPTED\",\"satisfaction\":5,\"note\":\"thanks\"}"))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/public/portal/cases/" + number).header("X-Portal-Token", token))
        .andExpect(jsonPath("$.reaction").value("ACCEPTED"))
        .andExpect(jsonPath("$.satisfaction").value(5));
    // the token belongs to this case only
    mvc.perform(get("/api/v1/public/portal/cases/C20200101-0001").header("X-Portal-Token", token))
        .andExpect(status().isNotFound());
  }
}
