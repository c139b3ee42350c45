package org.manyi.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.manyi.TestUsers.admin;
import static org.manyi.orders.OrderFixtures.item;
import static org.manyi.orders.OrderFixtures.order;
import static org.manyi.orders.OrderFixtures.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.customers.CustomerId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Orders follow customer merges and outlive customer deletions. */
@IntegrationTest
class OrderCustomerEventsIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired PurchaseSummaries summaries;

  String place(String customer, String amount) throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/orders")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        order(
                            unique("M"),
                            customer,
                            "2026-10-01T12:00:00+08:00",
                            item("K", "家居", 1, amount))))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.id");
  }

  @Test
  void aMergeMovesTheOrdersToTheSurvivorAndADeletionDetachesThem() throws Exception {
    String survivor = OrderFixtures.customer(mvc, admin(), "陈晨", unique("EXT"));
    String merged = OrderFixtures.customer(mvc, admin(), "陈晨", unique("EXT"));
    place(survivor, "100");
    String moved = place(merged, "50");
    mvc.perform(
            post("/api/v1/customers/" + survivor + "/merge")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"sourceId\":\"" + merged + "\"}"))
        .andExpect(status().isOk());
    CustomerId survivorId = new CustomerId(UUID.fromString(survivor));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> summaries.find(survivorId).map(s -> s.orderCount() == 2).orElse(false));
    assertThat(summaries.find(survivorId).orElseThrow().totalSpend()).isEqualByComparingTo("150");
    assertThat(summaries.find(new CustomerId(UUID.fromString(merged)))).isEmpty();
    String order =
        mvc.perform(get("/api/v1/orders/" + moved).with(admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<String>read(order, "$.customerId")).isEqualTo(survivor);

    mvc.perform(delete("/api/v1/customers/" + survivor).with(admin()))
        .andExpect(status().isNoContent());
    await().atMost(Duration.ofSeconds(20)).until(() -> summaries.find(survivorId).isEmpty());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                JsonPath.read(
                        mvc.perform(get("/api/v1/orders/" + moved).with(admin()))
                            .andReturn()
                            .getResponse()
                            .getContentAsString(),
                        "$.customerId")
                    == null);
  }
}
