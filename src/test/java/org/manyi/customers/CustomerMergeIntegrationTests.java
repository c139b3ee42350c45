package org.manyi.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.manyi.TestUsers.admin;
import static org.manyi.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.customers.events.CustomerMerged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@RecordApplicationEvents
class CustomerMergeIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApplicationEvents events;

  String agent;

  @BeforeEach
  void staff() throws Exception {
    agent = CustomerFixtures.user(mvc, "AGENT", CustomerFixtures.team(mvc));
  }

  @Test
  void mergesContactsTagsAndConsentsDeletesTheSourceAndAuditsIt() throws Exception {
    String phoneA = CustomerFixtures.phone();
    String phoneB = CustomerFixtures.phone();
    String a =
        CustomerFixtures.customer(
            mvc, agent, "{\"name\":\"张三\",\"phone\":\"" + phoneA + "\",\"tags\":[\"VIP\"]}");
    String b =
        CustomerFixtures.customer(
            mvc,
            agent,
            """
            {"name":"张叁","phone":"%s","email":"zs%s@example.com","city":"上海市","tags":["母婴"],
             "consents":[{"channel":"SMS","granted":true,"method":"门店"}]}
            """
                .formatted(phoneB, phoneB));
    mvc.perform(
            post("/api/v1/customers/" + a + "/merge")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"sourceId\":\"" + b + "\",\"fields\":[\"name\"]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(a))
        .andExpect(jsonPath("$.name").value("张叁"))
        .andExpect(jsonPath("$.city").value("上海市"))
        .andExpect(jsonPath("$.phones.length()").value(2))
        .andExpect(jsonPath("$.emails.length()").value(1))
        .andExpect(jsonPath("$.tags", containsInAnyOrder("VIP", "母婴")))
        .andExpect(jsonPath("$.consents[0].channel").value("SMS"));
    mvc.perform(get("/api/v1/customers/" + b).with(as(agent))).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/customers?q=" + phoneB.substring(7)).with(as(agent)))
        .andExpect(jsonPath("$.items[*].id", hasItem(a)));
    mvc.perform(get("/api/v1/customers/audit?action=MERGED&size=500").with(admin()))
        .andExpect(jsonPath("$.items[*].customer.value", hasItem(a)))
        .andExpect(jsonPath("$.items[*].customer.value", hasItem(b)));
    assertThat(events.stream(CustomerMerged.class))
        .anySatisfy(
            e -> {
              assertThat(e.survivor().value()).isEqualTo(UUID.fromString(a));
              assertThat(e.merged().value()).isEqualTo(UUID.fromString(b));
            });
  }

  @Test
  void refusesToMergeWithItselfOrWithAnInvisibleCustomer() throws Exception {
    String a = CustomerFixtures.customer(mvc, agent, "{\"name\":\"李四\"}");
    String stranger = CustomerFixtures.user(mvc, "AGENT", CustomerFixtures.team(mvc));
    String theirs = CustomerFixtures.customer(mvc, stranger, "{\"name\":\"李四\"}");
    merge(a, "{\"sourceId\":\"" + a + "\"}", "sourceId");
    merge(a, "{\"sourceId\":\"" + theirs + "\"}", "sourceId");
    merge(a, "{}", "sourceId");
    merge(a, "{\"sourceId\":\"" + theirs + "\",\"fields\":[\"password\"]}", "fields");
    mvc.perform(get("/api/v1/customers/" + theirs).with(admin())).andExpect(status().isOk());
  }

  private void merge(String id, String body, String field) throws Exception {
    mvc.perform(
            post("/api/v1/customers/" + id + "/merge")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value(field));
  }
}
