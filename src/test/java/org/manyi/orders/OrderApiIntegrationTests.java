package org.manyi.orders;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.manyi.TestUsers.admin;
import static org.manyi.orders.OrderFixtures.item;
import static org.manyi.orders.OrderFixtures.order;
import static org.manyi.orders.OrderFixtures.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class OrderApiIntegrationTests {

  @Autowired MockMvc mvc;

  ResultActions postOrder(RequestPostProcessor who, String json, String query) throws Exception {
    return mvc.perform(
        post("/api/v1/orders" + query)
            .with(who)
            .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  @Test
  void theOrderSearchFindsOrdersByTheBuyersNameOrItsPinyin() throws Exception {
    String name = "订单搜" + java.util.UUID.randomUUID().toString().substring(0, 6);
    String customer = OrderFixtures.customer(mvc, admin(), name, unique("EXT"));
    String external = unique("N");
    postOrder(
            admin(),
            order(external, customer, "2026-11-12T10:00:00+08:00", item("B1", "图书", 1, "10")),
            "")
        .andExpect(status().isCreated());
    mvc.perform(get("/api/v1/orders").param("q", name).with(admin()))
        .andExpect(jsonPath("$.total", is(1)))
        .andExpect(jsonPath("$.items[0].externalId", is(external)));
    // part of the name, in characters
    mvc.perform(get("/api/v1/orders").param("q", name.substring(3)).with(admin()))
        .andExpect(jsonPath("$.total", is(1)));
  }

  @Test
  void postingTheSameOrderTwiceKeepsOneOrderAndAChangeUpdatesIt() throws Exception {
    String customer = OrderFixtures.customer(mvc, admin(), "李雷", unique("EXT"));
    String external = unique("T");
    String json =
        order(external, customer, "2026-11-11T20:15:00+08:00", item("A1", "美妆", 2, "99.50"));
    String created =
        postOrder(admin(), json, "")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.total", is(199.0)))
            .andExpect(jsonPath("$.status", is("PAID")))
            .andExpect(jsonPath("$.currency", is("CNY")))
            .andExpect(jsonPath("$.customerName", is("李雷")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(created, "$.id");
    postOrder(admin(), json, "").andExpect(status().isOk()).andExpect(jsonPath("$.id", is(id)));
    String changed =
        order(external, customer, "2026-11-11T20:15:00+08:00", item("A1", "美妆", 3, "99.50"));
    postOrder(admin(), changed, "")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id", is(id)))
        .andExpect(jsonPath("$.total", is(298.5)));
    mvc.perform(get("/api/v1/customers/" + customer + "/orders").with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total", is(1)))
        .andExpect(jsonPath("$.items[0].id", is(id)));
    mvc.perform(get("/api/v1/orders/" + id).with(admin()))
        .andExpect(jsonPath("$.items[0].quantity", is(3)))
        .andExpect(jsonPath("$.items[0].amount", is(298.5)));
    mvc.perform(get("/api/v1/orders").param("q", external).with(admin()))
        .andExpect(jsonPath("$.total", is(1)));
    mvc.perform(
            get("/api/v1/customers/" + customer + "/timeline")
                .param("type", "order")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .with(admin()))
        .andExpect(jsonPath("$", hasSize(1)))
        .andExpect(jsonPath("$[0].title", is("订单 " + external + " · ¥298.50")))
        .andExpect(jsonPath("$[0].link", is("/orders/" + id)));
  }

  @Test
  void problemsNameTheFieldInTheCallersLanguage() throws Exception {
    String customer = OrderFixtures.customer(mvc, admin(), "韩梅梅", unique("EXT"));
    String json =
        """
        {"externalId":"%s","customerId":"%s","orderedAt":"2026-11-11T20:15:00+08:00",
         "channel":"JD","items":[%s,%s,{"sku":"C","quantity":0,"unitPrice":5}],"total":1}
        """
            .formatted(unique("T"), customer, item("A", "家电", 1, "10"), item("B", "家电", 1, "5"));
    postOrder(admin(), json, "")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type", is("validation-error")))
        .andExpect(jsonPath("$.errors[0].field", is("items[2].quantity")))
        .andExpect(jsonPath("$.errors", hasSize(1)));
    String inconsistent =
        """
        {"externalId":"%s","customerId":"%s","orderedAt":"2026-11-11T20:15:00+08:00",
         "channel":"JD","items":[%s],"discount":5,"total":100}
        """
            .formatted(unique("T"), customer, item("A", "家电", 2, "50"));
    postOrder(admin(), inconsistent, "")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field", is("total")))
        .andExpect(
            jsonPath(
                "$.errors[0].message",
                is("is 100.00, but the items (100.00) minus the discount (5.00) make 95.00")));
  }

  @Test
  void unknownCustomersAreRejectedOrCreatedAsChosen() throws Exception {
    String buyer = unique("NEW");
    String json =
        """
        {"externalId":"%s","customerExternalId":"%s","customerName":"新买家","orderedAt":"2026-11-20T10:00:00+08:00",
         "channel":"WECHAT","items":[%s]}
        """
            .formatted(unique("T"), buyer, item("S", "食品", 1, "30"));
    postOrder(admin(), json, "")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field", is("customerExternalId")));
    String body =
        postOrder(admin(), json, "?unknownCustomer=CREATE")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.customerName", is("新买家")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String customer = JsonPath.read(body, "$.customerId");
    mvc.perform(get("/api/v1/customers/" + customer + "/summary").with(admin()))
        .andExpect(jsonPath("$.orderCount", is(1)))
        .andExpect(jsonPath("$.stage", is("NEW")));
  }

  @Test
  void aBatchIsCheckedAsAWholeAndAnsweredPerOrder() throws Exception {
    String customer = OrderFixtures.customer(mvc, admin(), "王芳", unique("EXT"));
    String a = unique("B");
    String b = unique("B");
    String first = order(a, customer, "2026-06-18T10:00:00+08:00", item("X", "母婴", 1, "88"));
    String second = order(b, customer, "2026-11-11T00:05:00+08:00", item("Y", "母婴", 2, "10"));
    String bad =
        """
        {"externalId":"%s","customerId":"%s","orderedAt":"soon","channel":"TMALL","items":[]}"""
            .formatted(unique("B"), customer);
    String batch = "[" + first + "," + second + "," + bad + "," + first + "]";
    mvc.perform(
            post("/api/v1/orders/batch")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(batch))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created", is(2)))
        .andExpect(jsonPath("$.rejected", is(2)))
        .andExpect(jsonPath("$.results[0].status", is("created")))
        .andExpect(jsonPath("$.results[1].index", is(1)))
        .andExpect(jsonPath("$.results[2].status", is("rejected")))
        .andExpect(jsonPath("$.results[2].problems[0].field", is("orderedAt")))
        .andExpect(jsonPath("$.results[2].problems[1].field", is("items")))
        .andExpect(jsonPath("$.results[3].problems[0].code", is("orders.batch.duplicate")));
    String again =
        "["
            + first
            + ","
            + order(b, customer, "2026-11-11T00:05:00+08:00", item("Y", "母婴", 3, "10"))
            + "]";
    mvc.perform(
            post("/api/v1/orders/batch")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(again))
        .andExpect(jsonPath("$.unchanged", is(1)))
        .andExpect(jsonPath("$.updated", is(1)));
    mvc.perform(get("/api/v1/customers/" + customer + "/summary").with(admin()))
        .andExpect(jsonPath("$.orderCount", is(2)))
        .andExpect(jsonPath("$.totalSpend", is(118.0)))
        .andExpect(jsonPath("$.averageSpend", is(59.0)))
        .andExpect(jsonPath("$.spendByCategory['母婴']", is(118.0)))
        .andExpect(jsonPath("$.firstPurchaseAt", is("2026-06-18T02:00:00Z")))
        .andExpect(jsonPath("$.lastChannel", is("TMALL")));
  }

  @Test
  void aBatchAboveTheLimitIsRefusedWhole() throws Exception {
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i <= 10_000; i++) {
      batch.append(i == 0 ? "" : ",").append("{}");
    }
    mvc.perform(
            post("/api/v1/orders/batch")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(batch.append("]").toString()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field", is("body")));
  }

  @Test
  void refundsMoveTheStatusAndTheSummaryAndNeverExceedThePaidTotal() throws Exception {
    String customer = OrderFixtures.customer(mvc, admin(), "赵敏", unique("EXT"));
    String body =
        postOrder(
                admin(),
                order(
                    unique("R"),
                    customer,
                    "2026-11-01T09:00:00+08:00",
                    item("P", "服饰", 1, "300"),
                    item("Q", "鞋包", 1, "200")),
                "")
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(body, "$.id");
    mvc.perform(get("/api/v1/customers/" + customer + "/summary").with(admin()))
        .andExpect(jsonPath("$.totalSpend", is(500.0)));
    mvc.perform(
            post("/api/v1/orders/" + id + "/refunds")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\":120.5,\"reason\":\"尺码不合适\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.status", is("PARTIALLY_REFUNDED")))
        .andExpect(jsonPath("$.refunded", is(120.5)))
        .andExpect(jsonPath("$.refunds[0].reason", is("尺码不合适")));
    mvc.perform(get("/api/v1/customers/" + customer + "/summary").with(admin()))
        .andExpect(jsonPath("$.totalSpend", is(379.5)))
        .andExpect(jsonPath("$.orderCount", is(1)));
    mvc.perform(
            post("/api/v1/orders/" + id + "/refunds")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\":400}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.errors[0].field", is("amount")));
    mvc.perform(
            post("/api/v1/orders/" + id + "/refunds")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\":379.5}"))
        .andExpect(jsonPath("$.status", is("REFUNDED")));
    mvc.perform(get("/api/v1/customers/" + customer + "/summary").with(admin()))
        .andExpect(jsonPath("$.orderCount", is(0)))
        .andExpect(jsonPath("$.stage", is("PROSPECT")));
  }

  @Test
  void anOrderOfAnotherTeamsCustomerDoesNotExistForAnAgent() throws Exception {
    String teamA = OrderFixtures.team(mvc);
    String teamB = OrderFixtures.team(mvc);
    String agentA = OrderFixtures.user(mvc, "AGENT", teamA);
    String agentB = OrderFixtures.user(mvc, "AGENT", teamB);
    String customer = OrderFixtures.customer(mvc, TestUsers.as(agentA), "孙悦", unique("EXT"));
    String body =
        postOrder(
                admin(),
                order(
                    unique("S"), customer, "2026-11-02T09:00:00+08:00", item("Z", "数码", 1, "999")),
                "")
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(body, "$.id");
    mvc.perform(get("/api/v1/orders/" + id).with(TestUsers.as(agentA))).andExpect(status().isOk());
    mvc.perform(get("/api/v1/orders/" + id).with(TestUsers.as(agentB)))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type", is("not-found")));
    mvc.perform(get("/api/v1/customers/" + customer + "/summary").with(TestUsers.as(agentB)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/orders").param("q", "S").with(TestUsers.as(agentB)))
        .andExpect(jsonPath("$.total", is(0)));
    // agents may read orders but not send them
    postOrder(
            TestUsers.as(agentA),
            order(unique("S"), customer, "2026-11-02T09:00:00+08:00", item("Z", "数码", 1, "999")),
            "")
        .andExpect(status().isForbidden());
  }
}
