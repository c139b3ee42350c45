package org.manyi.cases;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class CasePagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired IdentityUserDetailsService userDetails;

  String team;
  String agent;

  @BeforeEach
  void staff() throws Exception {
    team = CaseFixtures.team(mvc);
    agent = CaseFixtures.user(mvc, "AGENT", team);
  }

  private RequestPostProcessor signedIn(String username) {
    return user(userDetails.loadUserByUsername(username));
  }

  private static MockHttpServletRequestBuilder zh(MockHttpServletRequestBuilder request) {
    return request.header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
  }

  @Test
  void listShowsAnEmptyStateThenCasesAndFiltersAsAFragment() throws Exception {
    mvc.perform(zh(get("/cases")).with(signedIn(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html")))
        .andExpect(content().string(containsString("还没有案件")));
    String customer = CaseFixtures.customer(mvc, agent, "赵敏");
    String number = JsonPath.read(CaseFixtures.complaint(mvc, agent, customer), "$.number");
    mvc.perform(zh(get("/cases")).with(signedIn(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString(number), containsString("赵敏"))));
    mvc.perform(
            zh(get("/cases").param("status", "CLOSED"))
                .header("HX-Request", "true")
                .with(signedIn(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("<html"))))
        .andExpect(content().string(containsString("case-rows")))
        .andExpect(content().string(containsString("没有符合筛选条件的案件")));
    mvc.perform(
            get("/cases")
                .param("overdue", "true")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .with(signedIn(agent)))
        .andExpect(content().string(containsString("No cases match these filters.")));
  }

  @Test
  void theFormRecordsACaseAndKeepsWhatWasTypedOnErrors() throws Exception {
    mvc.perform(zh(get("/cases/new")).with(signedIn(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("登记案件")));
    mvc.perform(
            zh(post("/cases"))
                .with(signedIn(agent))
                .with(csrf())
                .param("type", "COMPLAINT")
                .param("channel", "PHONE")
                .param("description", "快递丢件"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请选择客户或填写联系人姓名")))
        .andExpect(content().string(containsString("快递丢件")));
    mvc.perform(
            zh(post("/cases"))
                .with(signedIn(agent))
                .with(csrf())
                .param("type", "COMPLAINT")
                .param("channel", "PHONE")
                .param("contactName", "陈先生")
                .param("description", "快递丢件"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("/cases/*"))
        .andExpect(flash().attribute("flashSuccess", "case.created"));
  }

  @Test
  void theCasePageShowsTheClockValidActionsAndMarksInternalNotes() throws Exception {
    String customer = CaseFixtures.customer(mvc, agent, "孙丽");
    String id = JsonPath.read(CaseFixtures.complaint(mvc, agent, customer), "$.id");
    mvc.perform(zh(get("/cases/" + id)).with(signedIn(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("caseClock")))
        .andExpect(content().string(containsString("受理确认")))
        .andExpect(content().string(containsString("acknowledgeCase")))
        .andExpect(content().string(not(containsString("closeCase"))))
        .andExpect(content().string(containsString("data-confirm")));
    mvc.perform(
            post("/cases/" + id + "/respond")
                .with(signedIn(agent))
                .with(csrf())
                .param("remedy", "APOLOGY")
                .param("message", "抱歉"))
        .andExpect(redirectedUrl("/cases/" + id))
        .andExpect(flash().attribute("flashError", "case.transition.illegal"));
    mvc.perform(
            post("/cases/" + id + "/notes")
                .with(signedIn(agent))
                .with(csrf())
                .param("text", "已联系仓库核实")
                .param("visibility", "INTERNAL"))
        .andExpect(redirectedUrl("/cases/" + id));
    mvc.perform(post("/cases/" + id + "/acknowledge").with(signedIn(agent)).with(csrf()))
        .andExpect(flash().attribute("flashSuccess", "case.saved"));
    mvc.perform(zh(get("/cases/" + id)).with(signedIn(agent)))
        .andExpect(content().string(containsString("已联系仓库核实")))
        .andExpect(content().string(containsString("内部备注")))
        .andExpect(content().string(containsString("assessCase")))
        .andExpect(content().string(not(containsString("acknowledgeCase"))));
    String stranger = CaseFixtures.user(mvc, "AGENT", CaseFixtures.team(mvc));
    mvc.perform(get("/cases/" + id).with(signedIn(stranger))).andExpect(status().isNotFound());
  }

  @Test
  void adminsEditTheCategoryTaxonomy() throws Exception {
    mvc.perform(zh(get("/admin/case-categories")).with(signedIn("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("产品质量")));
    mvc.perform(
            post("/admin/case-categories")
                .with(signedIn("admin"))
                .with(csrf())
                .param("code", "packaging_waste")
                .param("nameZh", "过度包装")
                .param("nameEn", "Excessive packaging")
                .param("active", "true"))
        .andExpect(redirectedUrl("/admin/case-categories"))
        .andExpect(flash().attribute("flashSuccess", "case.category.saved"));
    mvc.perform(zh(get("/admin/case-categories")).with(signedIn("admin")))
        .andExpect(content().string(containsString("过度包装")));
    mvc.perform(get("/admin/case-categories").with(signedIn(agent)))
        .andExpect(status().isForbidden());
  }
}
