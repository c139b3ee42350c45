package org.manyi.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.manyi.TestUsers.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.TestUsers;
import org.manyi.cases.CaseFixtures;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.manyi.text.internal.CategoryModel;
import org.manyi.text.internal.CategorySuggester;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Suggested categories learnt from the categories agents confirmed when assessing cases. */
@IntegrationTest
class CategorySuggestionIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired CategorySuggester suggester;
  @Autowired IdentityUserDetailsService userDetails;

  private static final List<String> DELIVERY =
      List.of("快递三天没到", "物流信息一直不更新", "快递员没打电话就放门口", "包裹送错地址了", "配送太慢了", "快递丢件了");
  private static final List<String> BILLING =
      List.of("账单多扣了运费", "发票金额开错了", "会员折扣没有生效", "重复扣款两次", "优惠券结算用不了", "价格比标价贵");

  private void assessed(String agent, String customer, String text, String category)
      throws Exception {
    String c =
        mvc.perform(
                post("/api/v1/cases")
                    .with(TestUsers.as(agent))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"type\":\"COMPLAINT\",\"customerId\":\"%s\",\"channel\":\"PHONE\",\"description\":\"%s\"}"
                            .formatted(customer, text)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(c, "$.id");
    mvc.perform(
        post("/api/v1/cases/" + id + "/acknowledge")
            .with(admin())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{}"));
    mvc.perform(
            post("/api/v1/cases/" + id + "/assess")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"category\":\"%s\",\"severity\":\"LOW\",\"urgency\":\"LOW\"}"
                        .formatted(category)))
        .andExpect(status().isOk());
  }

  @Test
  void learnsFromAssessedCases() throws Exception {
    String team = CaseFixtures.team(mvc);
    String agent = CaseFixtures.user(mvc, "AGENT", team);
    String customer = CaseFixtures.customer(mvc, agent, "孙丽");
    for (int i = 0; i < DELIVERY.size(); i++) {
      assessed(agent, customer, DELIVERY.get(i), "delivery");
      assessed(agent, customer, BILLING.get(i), "price_billing");
    }
    suggester.retrain();
    mvc.perform(
            post("/api/v1/text/category")
                .with(TestUsers.as(agent))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"快递三天没到，物流信息一直不更新\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.suggestions[0].category").value("delivery"))
        .andExpect(jsonPath("$.suggestions[0].name").value("配送物流"));
    mvc.perform(
            post("/api/v1/text/category")
                .with(TestUsers.as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"账单多扣了运费，还重复扣款两次\"}"))
        .andExpect(jsonPath("$.suggestions[0].category").value("price_billing"));
    mvc.perform(
            post("/api/v1/text/category")
                .with(TestUsers.as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\" \"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("text"));
    mvc.perform(
            post("/text/category-suggestion")
                .with(user(userDetails.loadUserByUsername(agent)))
                .with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .param("text", "快递送错了"))
        .andExpect(content().string(containsString("data-category=\"delivery\"")));
  }

  @Test
  void aModelWithoutExamplesSuggestsNothing() {
    CategoryModel empty = CategoryModel.train(List.of(), t -> List.of(t));
    assertThat(empty.classify("快递", 3)).isEmpty();
    CategoryModel two =
        CategoryModel.train(
            List.of(new CategoryModel.Labelled("a b", "x"), new CategoryModel.Labelled("c d", "y")),
            t -> List.of(t.split(" ")));
    assertThat(two.classify("a a", 2).get(0).category()).isEqualTo("x");
    assertThat(two.classify("a a", 2).get(0).probability()).isGreaterThan(0.5);
  }
}
