package org.manyi.customers;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.manyi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class SavedViewIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired IdentityUserDetailsService userDetails;

  @Test
  void usersSaveListAndDeleteTheirOwnViews() throws Exception {
    String team = CustomerFixtures.team(mvc);
    String agent = CustomerFixtures.user(mvc, "AGENT", team);
    String other = CustomerFixtures.user(mvc, "AGENT", team);
    String created =
        mvc.perform(
                post("/api/v1/customers/views")
                    .with(as(agent))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"name\":\"上海活跃\",\"query\":\"?stage=ACTIVE&city=上海&sort=name&desc=false\"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.query").value("stage=ACTIVE&city=上海&sort=name&desc=false"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(created, "$.id");
    mvc.perform(get("/api/v1/customers/views").with(as(agent)))
        .andExpect(jsonPath("$[*].name", hasItem("上海活跃")));
    mvc.perform(get("/api/v1/customers/views").with(as(other)))
        .andExpect(jsonPath("$[*].name", not(hasItem("上海活跃"))));
    mvc.perform(delete("/api/v1/customers/views/" + id).with(as(other)))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/v1/customers/views")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\" \",\"query\":\"stage=NEW\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("name"));

    mvc.perform(get("/customers").with(user(userDetails.loadUserByUsername(agent))))
        .andExpect(content().string(containsString("上海活跃")))
        .andExpect(content().string(containsString("id=\"saveView\"")));
    mvc.perform(
            post("/customers/views")
                .param("name", "新客")
                .param("query", "stage=NEW&sort=created&desc=true")
                .with(user(userDetails.loadUserByUsername(agent)))
                .with(csrf()))
        .andExpect(redirectedUrl("/customers?stage=NEW&sort=created&desc=true"));
    mvc.perform(delete("/api/v1/customers/views/" + id).with(as(agent)))
        .andExpect(status().isNoContent());
  }
}
