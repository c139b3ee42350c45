package org.manyi.customers;

import static org.hamcrest.Matchers.containsString;
import static org.manyi.TestUsers.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class CustomerContactPersonIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityUserDetailsService userDetails;

  @Test
  void companiesKeepContactPersonsWithEncryptedMaskedPhones() throws Exception {
    String phone = CustomerFixtures.phone();
    String body =
        mvc.perform(
                post("/api/v1/customers")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        ("{\"kind\":\"COMPANY\",\"name\":\"联系人测试有限公司\",\"contactPersons\":["
                                + "{\"name\":\"王经理\",\"title\":\"采购总监\",\"role\":\"决策人\",\"phone\":\"%s\"}]}")
                            .formatted(phone)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.contactPersons[0].name").value("王经理"))
            .andExpect(jsonPath("$.contactPersons[0].role").value("决策人"))
            .andExpect(jsonPath("$.contactPersons[0].phone").value(containsString("****")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(body, "$.id");
    String stored =
        jdbc.sql("SELECT phone_cipher FROM customer_person WHERE name = '王经理' AND customer_id = ?")
            .param(java.util.UUID.fromString(id))
            .query(String.class)
            .single();
    org.assertj.core.api.Assertions.assertThat(stored).doesNotContain(phone);
    mvc.perform(get("/customers/" + id).with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(content().string(containsString("id=\"contactPersons\"")))
        .andExpect(content().string(containsString("采购总监")));
  }

  @Test
  void personsHaveNoContactPersonsAndBadPhonesAreNamed() throws Exception {
    mvc.perform(
            post("/api/v1/customers")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"个人\",\"contactPersons\":[{\"name\":\"某人\"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("contactPersons"));
    mvc.perform(
            post("/api/v1/customers")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"kind\":\"COMPANY\",\"name\":\"坏电话公司\",\"contactPersons\":[{\"name\":\"某人\",\"phone\":\"123\"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("contactPersons"));
  }
}
