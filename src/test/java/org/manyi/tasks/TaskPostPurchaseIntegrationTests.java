package org.manyi.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.manyi.TestUsers.admin;
import static org.manyi.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.customers.CustomerId;
import org.manyi.interactions.InteractionFixtures;
import org.manyi.tasks.internal.PostPurchaseCallbacks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class TaskPostPurchaseIntegrationTests {

  static final Instant ORDERED = Instant.parse("2026-11-11T02:30:00Z");

  @Autowired MockMvc mvc;
  @Autowired PostPurchaseCallbacks postPurchase;

  String agent;
  CustomerId customer;

  @BeforeEach
  void staffAndRule() throws Exception {
    agent = InteractionFixtures.user(mvc, "AGENT", InteractionFixtures.team(mvc));
    customer = new CustomerId(UUID.fromString(InteractionFixtures.customer(mvc, agent, "孙悦")));
    rule("{\"enabled\":true,\"minAmount\":500.00,\"delayDays\":7}");
  }

  @AfterEach
  void defaultRule() throws Exception {
    rule("{\"enabled\":true,\"minAmount\":500.00,\"delayDays\":7}");
  }

  void rule(String json) throws Exception {
    mvc.perform(
            put("/api/v1/tasks/post-purchase-rule")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json))
        .andExpect(status().isOk());
  }

  @Test
  void createsACallbackForTheOwnerDaysAfterALargeOrderOncePerOrder() throws Exception {
    UUID order = UUID.randomUUID();
    Optional<TaskId> task =
        postPurchase.createPostPurchaseCallback(customer, order, new BigDecimal("500.00"), ORDERED);
    assertThat(task).isPresent();
    assertThat(
            postPurchase.createPostPurchaseCallback(
                customer, order, new BigDecimal("500.00"), ORDERED))
        .isEqualTo(task);

    mvc.perform(get("/api/v1/tasks/" + task.get()).with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.type").value("CALLBACK"))
        .andExpect(jsonPath("$.assigneeId").value(InteractionFixtures.userId(mvc, agent)))
        .andExpect(jsonPath("$.dueAt").value(ORDERED.plus(Duration.ofDays(7)).toString()))
        .andExpect(jsonPath("$.sourceOrderId").value(order.toString()))
        .andExpect(jsonPath("$.createdBy").doesNotExist());
    mvc.perform(get("/api/v1/tasks").param("customer", customer.toString()).with(as(agent)))
        .andExpect(jsonPath("$.total").value(1));
  }

  @Test
  void ignoresOrdersBelowTheThresholdAndEverythingWhenDisabled() throws Exception {
    assertThat(
            postPurchase.createPostPurchaseCallback(
                customer, UUID.randomUUID(), new BigDecimal("499.99"), ORDERED))
        .isEmpty();
    rule("{\"enabled\":false,\"minAmount\":0,\"delayDays\":3}");
    assertThat(
            postPurchase.createPostPurchaseCallback(
                customer, UUID.randomUUID(), new BigDecimal("9999"), ORDERED))
        .isEmpty();
    assertThat(
            postPurchase.createPostPurchaseCallback(
                CustomerId.random(), UUID.randomUUID(), new BigDecimal("9999"), ORDERED))
        .isEmpty();
  }

  @Test
  void theRuleIsReadByAllAndChangedByAdminsOnly() throws Exception {
    rule("{\"enabled\":true,\"minAmount\":888.5,\"delayDays\":3}");
    mvc.perform(get("/api/v1/tasks/post-purchase-rule").with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.minAmount").value(888.5))
        .andExpect(jsonPath("$.delayDays").value(3));
    mvc.perform(
            put("/api/v1/tasks/post-purchase-rule")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":true,\"minAmount\":1,\"delayDays\":1}"))
        .andExpect(status().isForbidden());
    mvc.perform(
            put("/api/v1/tasks/post-purchase-rule")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":true,\"minAmount\":1,\"delayDays\":999}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("delayDays"));
    mvc.perform(
            put("/api/v1/tasks/post-purchase-rule")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":true,\"delayDays\":9}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("minAmount"));
  }

  @Test
  void aPostedOrderAboveTheAmountPlansTheCallbackAndAnOldImportedOneDoesNot() throws Exception {
    String recent =
        java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).withNano(0).toString();
    for (String[] order : new String[][] {{"NEW", recent}, {"OLD", "2024-01-05T10:00:00+08:00"}}) {
      mvc.perform(
              org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                      "/api/v1/orders")
                  .with(admin())
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      ("{\"externalId\":\"PP-%s-%s\",\"customerId\":\"%s\",\"orderedAt\":\"%s\","
                              + "\"channel\":\"STORE\",\"items\":[{\"sku\":\"S1\",\"name\":\"沙发\","
                              + "\"category\":\"家具\",\"quantity\":1,\"unitPrice\":2999}]}")
                          .formatted(order[0], UUID.randomUUID(), customer, order[1])))
          .andExpect(status().isCreated());
    }
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                mvc.perform(
                        get("/api/v1/tasks")
                            .param("customer", customer.toString())
                            .param("due", "all")
                            .with(as(agent)))
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.items[0].type").value("CALLBACK")));
  }
}
