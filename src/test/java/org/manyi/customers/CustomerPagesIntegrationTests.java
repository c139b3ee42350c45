package org.manyi.customers;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.manyi.TestUsers.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.TestUsers;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class CustomerPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired IdentityUserDetailsService userDetails;

  String agent;

  @BeforeEach
  void staff() throws Exception {
    agent = CustomerFixtures.user(mvc, "AGENT", CustomerFixtures.team(mvc));
  }

  private RequestPostProcessor signedIn(String username) {
    return user(userDetails.loadUserByUsername(username));
  }

  private MockHttpServletRequestBuilder zh(MockHttpServletRequestBuilder request) {
    return request.header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
  }

  @Test
  void listShowsAnEmptyStateThenCustomersWithMaskedPhones() throws Exception {
    mvc.perform(zh(get("/customers")).with(signedIn(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("还没有客户")));
    String phone = CustomerFixtures.phone();
    CustomerFixtures.customer(
        mvc, agent, "{\"name\":\"张三\",\"phone\":\"" + phone + "\",\"city\":\"上海市\"}");
    mvc.perform(zh(get("/customers")).with(signedIn(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html")))
        .andExpect(content().string(containsString("张三")))
        .andExpect(
            content().string(containsString(phone.substring(0, 3) + "****" + phone.substring(7))))
        .andExpect(content().string(not(containsString(phone))));
    mvc.perform(get("/customers").header(HttpHeaders.ACCEPT_LANGUAGE, "en").with(signedIn(agent)))
        .andExpect(content().string(containsString("New customer")));
  }

  @Test
  void adminsFilterByTeam() throws Exception {
    String teamA = CustomerFixtures.team(mvc);
    String teamB = CustomerFixtures.team(mvc);
    String a = CustomerFixtures.user(mvc, "AGENT", teamA);
    String b = CustomerFixtures.user(mvc, "AGENT", teamB);
    CustomerFixtures.customer(mvc, a, "{\"name\":\"甲队客户\"}");
    CustomerFixtures.customer(mvc, b, "{\"name\":\"乙队客户\"}");
    String teamId =
        com.jayway.jsonpath.JsonPath.<java.util.List<String>>read(
                mvc.perform(get("/api/v1/teams").with(admin()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(),
                "$[?(@.name == '" + teamA + "')].id")
            .get(0);
    mvc.perform(zh(get("/customers")).with(signedIn("admin")))
        .andExpect(content().string(containsString(teamA)));
    mvc.perform(
            zh(get("/customers?team=" + teamId))
                .header("HX-Request", "true")
                .with(signedIn("admin")))
        .andExpect(content().string(containsString("甲队客户")))
        .andExpect(content().string(not(containsString("乙队客户"))));
  }

  @Test
  void liveSearchAnswersTheRowsFragmentToHtmx() throws Exception {
    CustomerFixtures.customer(mvc, agent, "{\"name\":\"张三\"}");
    CustomerFixtures.customer(mvc, agent, "{\"name\":\"李四\"}");
    mvc.perform(zh(get("/customers?q=zs")).header("HX-Request", "true").with(signedIn(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("<html"))))
        .andExpect(content().string(containsString("customer-rows")))
        .andExpect(content().string(containsString("张三")))
        .andExpect(content().string(not(containsString("李四"))));
    mvc.perform(
            zh(get("/customers?q=nobody-here")).header("HX-Request", "true").with(signedIn(agent)))
        .andExpect(content().string(containsString("没有符合条件的客户")));
  }

  @Test
  void createFormKeepsInputAndShowsErrorsInline() throws Exception {
    mvc.perform(zh(get("/customers/new")).with(signedIn(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("新建客户")));
    mvc.perform(
            zh(post("/customers/new"))
                .with(signedIn(agent))
                .with(csrf())
                .param("name", "王五")
                .param("phones", "12345")
                .param("city", "杭州市"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("is-invalid")))
        .andExpect(content().string(containsString("不是有效的电话号码")))
        .andExpect(content().string(containsString("value=\"王五\"")))
        .andExpect(content().string(containsString("value=\"杭州市\"")));
  }

  @Test
  void createWarnsAboutADuplicateAndCreatesAnywayWhenAsked() throws Exception {
    String phone = CustomerFixtures.phone();
    CustomerFixtures.customer(mvc, agent, "{\"name\":\"赵六\",\"phone\":\"" + phone + "\"}");
    mvc.perform(
            zh(post("/customers/new"))
                .with(signedIn(agent))
                .with(csrf())
                .param("name", "赵六")
                .param("phones", phone))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("该客户可能已经存在")))
        .andExpect(content().string(containsString("createAnyway")));
    mvc.perform(
            post("/customers/new")
                .with(signedIn(agent))
                .with(csrf())
                .param("name", "赵六")
                .param("phones", phone)
                .param("allowDuplicate", "true"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("/customers/*"));
  }

  @Test
  void customer360ShowsFactsMasksContactsAndRevealsOnRequest() throws Exception {
    String phone = CustomerFixtures.phone();
    String id =
        CustomerFixtures.customer(
            mvc,
            agent,
            "{\"name\":\"钱七\",\"phone\":\""
                + phone
                + "\",\"tags\":[\"VIP\"],\"source\":\"WECHAT\","
                + "\"consents\":[{\"channel\":\"WECHAT\",\"granted\":true,\"method\":\"门店\",\"noticeVersion\":\"v3\"}]}");
    mvc.perform(zh(get("/customers/" + id)).with(signedIn(agent)))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("钱七"),
                        containsString("VIP"),
                        containsString("微信"),
                        containsString("潜在"),
                        containsString("声明版本 v3"),
                        containsString(phone.substring(0, 3) + "****"),
                        containsString("revealContacts"),
                        containsString("hx-trigger=\"load\""),
                        not(containsString(phone)))));
    mvc.perform(
            zh(post("/customers/" + id + "/reveal"))
                .header("HX-Request", "true")
                .with(signedIn(agent))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("<html"))))
        .andExpect(content().string(containsString(phone)));
    mvc.perform(
            zh(get("/customers/" + id + "/timeline"))
                .header("HX-Request", "true")
                .with(signedIn(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("<html"))))
        .andExpect(content().string(containsString("创建了客户")));
    mvc.perform(zh(get("/customers/audit?action=REVEALED")).with(signedIn("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("钱七")));
  }

  @Test
  void editKeepsContactsAndDeleteAsksFirst() throws Exception {
    String phone = CustomerFixtures.phone();
    String id =
        CustomerFixtures.customer(mvc, agent, "{\"name\":\"孙八\",\"phone\":\"" + phone + "\"}");
    mvc.perform(zh(get("/customers/" + id + "/edit")).with(signedIn(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(phone)));
    mvc.perform(
            post("/customers/" + id + "/edit")
                .with(signedIn(agent))
                .with(csrf())
                .param("name", "孙八八")
                .param("phones", phone)
                .param("contactsShown", "true")
                .param("tags", "VIP, 老客户"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/customers/" + id));
    mvc.perform(zh(get("/customers/" + id)).with(signedIn(agent)))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("孙八八"),
                        containsString("老客户"),
                        containsString("data-confirm"))));
    mvc.perform(post("/customers/" + id + "/delete").with(signedIn(agent)).with(csrf()))
        .andExpect(redirectedUrl("/customers"));
    mvc.perform(zh(get("/customers/" + id)).with(signedIn(agent))).andExpect(status().isNotFound());
  }

  @Test
  void badParametersAnswer400NeverA500() throws Exception {
    for (String url :
        new String[] {
          "/customers?stage=NOPE",
          "/customers?sort=shoe_size",
          "/customers?createdFrom=yesterday",
          "/customers?owner=not-a-uuid",
          "/customers?createdFrom=2026-02-01&createdTo=2026-01-01",
          "/customers/not-a-uuid",
          "/customers/audit?action=NOPE"
        }) {
      mvc.perform(zh(get(url)).with(signedIn(agent))).andExpect(status().is4xxClientError());
    }
    mvc.perform(
            zh(post("/customers/new"))
                .with(signedIn(agent))
                .with(csrf())
                .param("name", "王五")
                .param("kind", "ROBOT")
                .param("birthday", "1990-02-31"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("is-invalid")))
        .andExpect(content().string(containsString("value=\"王五\"")));
  }

  @Test
  void anotherTeamsCustomerPageIsNotFoundAndAnalystsSeeNoCustomers() throws Exception {
    String stranger = CustomerFixtures.user(mvc, "AGENT", CustomerFixtures.team(mvc));
    String id = CustomerFixtures.customer(mvc, stranger, "{\"name\":\"周九\"}");
    mvc.perform(get("/customers/" + id).with(signedIn(agent))).andExpect(status().isNotFound());
    String analyst = TestUsers.create(mvc, "ANALYST");
    mvc.perform(get("/customers").with(signedIn(analyst))).andExpect(status().isForbidden());
    mvc.perform(get("/customers/" + id).with(admin())).andExpect(status().is3xxRedirection());
  }
}
