package org.manyi.knowledge;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.manyi.TestUsers.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.TestUsers;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.manyi.knowledge.internal.KnowledgeBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Knowledge articles: writing, publishing, Chinese and English search, pages and the portal. */
@IntegrationTest
class KnowledgeIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired IdentityUserDetailsService userDetails;
  @Autowired KnowledgeBase kb;

  private String article(String title, String body, String tags, String language) throws Exception {
    String json =
        mvc.perform(
                post("/api/v1/kb/articles")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"title":"%s","body":"%s","category":"售后","tags":"%s","language":"%s"}
                        """
                            .formatted(title, body, tags, language)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("DRAFT"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(json, "$.id");
  }

  @Test
  void aPublishedArticleIsFoundByChineseWordsAndADraftIsNot() throws Exception {
    String unique = "蓝牙耳机" + UUID.randomUUID().toString().substring(0, 4);
    String id =
        article("如何申请" + unique + "退货退款", "收到商品七天内可在订单页面申请退货。退款会在仓库签收后三个工作日内原路退回。", "退货, 退款", "ZH");
    mvc.perform(get("/api/v1/public/kb/search").param("q", "耳机怎么退款"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].id").value(not(hasItem(id))));
    mvc.perform(post("/api/v1/kb/articles/" + id + "/publish").with(admin()))
        .andExpect(jsonPath("$.status").value("PUBLISHED"));
    mvc.perform(post("/api/v1/kb/articles/" + id + "/publish").with(admin()))
        .andExpect(status().isConflict());
    // segmented words match: 退款 and 耳机 are words of the title although the query is phrased
    // differently
    mvc.perform(get("/api/v1/public/kb/search").param("q", "耳机怎么退款"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].id").value(hasItem(id)))
        .andExpect(jsonPath("$.items[0].snippet").isString());
    mvc.perform(get("/api/v1/kb/search").param("q", "原路退回").with(admin()))
        .andExpect(jsonPath("$.items[*].id").value(hasItem(id)));
    mvc.perform(get("/api/v1/kb/search").with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("q"));

    mvc.perform(
            put("/api/v1/kb/articles/" + id)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"title\":\"保修期说明\",\"body\":\"电器保修一年。\",\"category\":\"售后\","
                        + "\"tags\":\"保修\",\"language\":\"ZH\"}"))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/public/kb/search").param("q", "保修"))
        .andExpect(jsonPath("$.items[*].id").value(hasItem(id)));

    mvc.perform(delete("/api/v1/kb/articles/" + id).with(admin()))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/public/kb/search").param("q", "保修"))
        .andExpect(jsonPath("$.items[*].id").value(not(hasItem(id))));
    mvc.perform(get("/api/v1/public/kb/articles/" + id)).andExpect(status().isNotFound());
  }

  @Test
  void englishWordsAreStemmedAndTheIndexIsRebuiltFromTheDatabase() throws Exception {
    String id =
        article(
            "Changing the delivery address",
            "You can change the delivery address of an order until it ships.",
            "delivery",
            "EN");
    mvc.perform(post("/api/v1/kb/articles/" + id + "/publish").with(admin()));
    kb.rebuildIndex();
    mvc.perform(
            get("/api/v1/public/kb/search").param("q", "changed addresses").param("language", "EN"))
        .andExpect(jsonPath("$.items[*].id").value(hasItem(id)));
    mvc.perform(get("/api/v1/public/kb/search").param("q", "x").param("language", "FR"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("language"));
  }

  @Test
  void writingNeedsThePermissionAndBadInputNamesTheField() throws Exception {
    String agent = TestUsers.create(mvc, "AGENT");
    mvc.perform(
            post("/api/v1/kb/articles")
                .with(TestUsers.as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"t\",\"body\":\"b\",\"category\":\"c\",\"language\":\"ZH\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/kb/articles").with(TestUsers.as(agent))).andExpect(status().isOk());
    mvc.perform(
            post("/api/v1/kb/articles")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\" \",\"body\":\"b\",\"category\":\"c\",\"language\":\"ZH\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("title"));
  }

  @Test
  void theEditorPagesListCreateAndPublish() throws Exception {
    var adminUser = user(userDetails.loadUserByUsername("admin"));
    mvc.perform(get("/knowledge").with(adminUser).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("<html"), containsString("知识库"))));
    mvc.perform(
            post("/knowledge")
                .with(adminUser)
                .with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .param("title", "")
                .param("body", "正文保留")
                .param("category", "账单")
                .param("language", "ZH"))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("请填写标题"), containsString("正文保留"))));
    String location =
        mvc.perform(
                post("/knowledge")
                    .with(adminUser)
                    .with(csrf())
                    .param("title", "发票怎么开")
                    .param("body", "在订单详情页点击申请发票。")
                    .param("category", "账单")
                    .param("tags", "发票，开票")
                    .param("language", "ZH"))
            .andExpect(redirectedUrlPattern("/knowledge/*"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    mvc.perform(post(location + "/publish").with(adminUser).with(csrf()))
        .andExpect(redirectedUrlPattern("/knowledge/*"));
    mvc.perform(get(location).with(adminUser).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
        .andExpect(content().string(allOf(containsString("已发布"), containsString("发票, 开票"))));
    mvc.perform(get("/knowledge").param("q", "开发票").header("HX-Request", "true").with(adminUser))
        .andExpect(content().string(allOf(not(containsString("<html")), containsString("发票怎么开"))));
    mvc.perform(get("/knowledge/suggest").param("description", "我要开发票").with(adminUser))
        .andExpect(content().string(containsString("发票怎么开")));
    mvc.perform(
            post("/knowledge/prefill")
                .with(adminUser)
                .with(csrf())
                .param("body", "空调不制冷，重新加氟后解决")
                .param("category", "售后与维修"))
        .andExpect(status().isOk())
        .andExpect(
            content().string(allOf(containsString("空调不制冷，重新加氟后解决"), containsString("售后与维修"))));
    // agents get the suggestions while typing a case
    mvc.perform(get("/cases/new").with(adminUser))
        .andExpect(content().string(containsString("hx-get=\"/knowledge/suggest\"")));
    // the portal finds and shows it, and counts a vote once per session
    mvc.perform(get("/portal").param("q", "发票").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
        .andExpect(content().string(containsString("发票怎么开")));
    mvc.perform(get("/portal/suggest").param("description", "怎么开发票"))
        .andExpect(content().string(containsString("发票怎么开")));
    String id = location.substring(location.lastIndexOf('/') + 1);
    var session = new org.springframework.mock.web.MockHttpSession();
    mvc.perform(
        post("/portal/kb/" + id + "/vote").session(session).with(csrf()).param("helpful", "true"));
    mvc.perform(
        post("/portal/kb/" + id + "/vote").session(session).with(csrf()).param("helpful", "true"));
    mvc.perform(get("/api/v1/kb/articles/" + id).with(admin()))
        .andExpect(jsonPath("$.helpfulYes").value(1));
    mvc.perform(get("/portal/kb/" + id).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
        .andExpect(content().string(allOf(containsString("在订单详情页点击申请发票"), containsString("有帮助"))));
  }
}
