package org.manyi.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.manyi.TestUsers.admin;
import static org.manyi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.customers.events.CustomerDeleted;
import org.manyi.customers.events.CustomerMerged;
import org.manyi.customers.events.CustomerRegistered;
import org.manyi.customers.events.CustomerUpdated;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
@RecordApplicationEvents
class CustomerMergeIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApplicationEvents events;
  @Autowired IdentityUserDetailsService userDetails;

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
        .andExpect(jsonPath("$.items[*].customerId", hasItem(a)))
        .andExpect(jsonPath("$.items[*].customerId", hasItem(b)));
    assertThat(events.stream(CustomerMerged.class))
        .anySatisfy(
            e -> {
              assertThat(e.survivor().value()).isEqualTo(UUID.fromString(a));
              assertThat(e.merged().value()).isEqualTo(UUID.fromString(b));
            });
  }

  @Test
  void publishesAnEventForEveryChangeInTheTransaction() throws Exception {
    String id = CustomerFixtures.customer(mvc, agent, "{\"name\":\"事件测试\"}");
    mvc.perform(
            patch("/api/v1/customers/" + id)
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"厦门市\"}"))
        .andExpect(status().isOk());
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/api/v1/customers/" + id)
                .with(as(agent)))
        .andExpect(status().isNoContent());
    UUID customer = UUID.fromString(id);
    assertThat(events.stream(CustomerRegistered.class))
        .anySatisfy(e -> assertThat(e.customer().value()).isEqualTo(customer));
    assertThat(events.stream(CustomerUpdated.class))
        .anySatisfy(e -> assertThat(e.customer().value()).isEqualTo(customer));
    assertThat(events.stream(CustomerDeleted.class))
        .anySatisfy(e -> assertThat(e.customer().value()).isEqualTo(customer));
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

  @Test
  void stewardsFindSuspectedDuplicatesAndMergeThemSideBySide() throws Exception {
    String phone = CustomerFixtures.phone();
    String a =
        CustomerFixtures.customer(
            mvc, agent, "{\"name\":\"王芳\",\"phone\":\"" + phone + "\",\"city\":\"杭州市\"}");
    String b =
        CustomerFixtures.customer(
            mvc,
            agent,
            "{\"name\":\"王 芳\",\"email\":\"wf" + phone + "@example.com\",\"city\":\"宁波市\"}");
    mvc.perform(
            patch("/api/v1/customers/" + b)
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phones\":[\"" + phone + "\"]}"))
        .andExpect(status().isOk());
    mvc.perform(zh(get("/customers/duplicates")).with(signedIn(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("王 芳")))
        .andExpect(content().string(containsString("电话相同")));
    mvc.perform(get("/api/v1/customers/duplicates").with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].first.id").exists())
        .andExpect(jsonPath("$[0].reasons", hasItem("PHONE")));
    mvc.perform(zh(get("/customers/" + a + "/merge")).with(signedIn(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("sourceId=" + b)));
    mvc.perform(zh(get("/customers/" + a + "/merge?sourceId=" + b)).with(signedIn(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("宁波市")))
        .andExpect(content().string(containsString("data-confirm")));
    mvc.perform(
            post("/customers/" + a + "/merge")
                .with(signedIn(agent))
                .with(csrf())
                .param("sourceId", b)
                .param("fields", "city"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/api/v1/customers/" + a).with(as(agent)))
        .andExpect(jsonPath("$.city").value("宁波市"))
        .andExpect(jsonPath("$.name").value("王芳"))
        .andExpect(jsonPath("$.emails.length()").value(1));
    mvc.perform(zh(get("/customers/duplicates")).with(signedIn(agent)))
        .andExpect(content().string(containsString("没有疑似重复")));
  }

  private MockHttpServletRequestBuilder zh(MockHttpServletRequestBuilder request) {
    return request.header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
  }

  private RequestPostProcessor signedIn(String username) {
    return user(userDetails.loadUserByUsername(username));
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
