package org.manyi.orders;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.manyi.TestUsers.admin;
import static org.manyi.orders.OrderFixtures.item;
import static org.manyi.orders.OrderFixtures.order;
import static org.manyi.orders.OrderFixtures.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class OrderPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired IdentityUserDetailsService userDetails;

  RequestPostProcessor signedIn(String username) {
    return user(userDetails.loadUserByUsername(username));
  }

  MockHttpServletRequestBuilder zh(MockHttpServletRequestBuilder request) {
    return request.header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
  }

  String place(String customer, String external) throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/orders")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        order(
                            external,
                            customer,
                            "2026-11-11T20:15:00+08:00",
                            item("SK-1", "美妆", 2, "128.00"))))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.id");
  }

  @Test
  void theListShowsAnEmptyStateThenOrdersAndAnswersHtmxWithTheRowsOnly() throws Exception {
    String agent = OrderFixtures.user(mvc, "AGENT", OrderFixtures.team(mvc));
    mvc.perform(zh(get("/orders")).with(signedIn(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("还没有订单")));
    String customer =
        OrderFixtures.customer(mvc, org.manyi.TestUsers.as(agent), "林小溪", unique("EXT"));
    String external = unique("P");
    place(customer, external);
    mvc.perform(zh(get("/orders")).with(signedIn(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html")))
        .andExpect(content().string(containsString(external)))
        .andExpect(content().string(containsString("林小溪")))
        .andExpect(content().string(containsString("¥256.00")))
        .andExpect(content().string(containsString("已支付")));
    mvc.perform(
            get("/orders")
                .param("q", external)
                .param("status", "PAID")
                .header("HX-Request", "true")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .with(signedIn(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("<html"))))
        .andExpect(content().string(containsString("order-rows")))
        .andExpect(content().string(containsString(external)))
        .andExpect(content().string(containsString("Paid")));
    mvc.perform(
            get("/orders")
                .param("status", "CANCELLED")
                .param("q", external)
                .header("HX-Request", "true")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .with(signedIn(agent)))
        .andExpect(content().string(containsString("No order matches these filters.")));
  }

  @Test
  void theOrderPageRecordsARefundAndTheCustomerPageShowsTheSummary() throws Exception {
    String customer = OrderFixtures.customer(mvc, admin(), "高圆", unique("EXT"));
    String external = unique("P");
    String id = place(customer, external);
    mvc.perform(zh(get("/orders/" + id)).with(signedIn("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("订单 " + external)))
        .andExpect(content().string(containsString("SK-1")))
        .andExpect(content().string(containsString("refundForm")))
        .andExpect(content().string(containsString("data-confirm")));
    mvc.perform(
            post("/orders/" + id + "/refunds")
                .param("amount", "999")
                .with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .with(signedIn("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("is more than is left to refund (256.00)")))
        .andExpect(content().string(containsString("value=\"999\"")));
    mvc.perform(
            post("/orders/" + id + "/refunds")
                .param("amount", "56")
                .param("reason", "少发一件")
                .with(csrf())
                .with(signedIn("admin")))
        .andExpect(redirectedUrl("/orders/" + id));
    mvc.perform(zh(get("/orders/" + id)).with(signedIn("admin")))
        .andExpect(content().string(containsString("部分退款")))
        .andExpect(content().string(containsString("少发一件")));
    mvc.perform(zh(get("/customers/" + customer + "/orders")).with(signedIn("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("高圆的订单")))
        .andExpect(content().string(containsString("¥200.00")))
        .andExpect(content().string(containsString(external)));
  }

  @Test
  void operationsStartTheRebuildAsAJob() throws Exception {
    mvc.perform(zh(get("/orders/operations")).with(signedIn("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("重建购买汇总")));
    mvc.perform(post("/orders/operations/rebuild").with(csrf()).with(signedIn("admin")))
        .andExpect(redirectedUrlPattern("/jobs/*"));
    String agent = OrderFixtures.user(mvc, "AGENT", OrderFixtures.team(mvc));
    mvc.perform(get("/orders/operations").with(signedIn(agent))).andExpect(status().isForbidden());
    mvc.perform(post("/api/v1/orders/summaries/rebuild").with(admin()))
        .andExpect(status().isAccepted());
  }
}
