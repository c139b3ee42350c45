package org.manyi.platform;

import static org.awaitility.Awaitility.await;
import static org.manyi.TestUsers.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.TestUsers;
import org.manyi.identity.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class DemoDataIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Jobs jobs;
  @Autowired Users users;

  @Test
  void loadsDemoDataOnceAsAJob() throws Exception {
    String agent = TestUsers.create(mvc, "AGENT");
    mvc.perform(post("/api/v1/demo-data").with(TestUsers.as(agent)))
        .andExpect(status().isForbidden());

    String started =
        mvc.perform(post("/api/v1/demo-data").with(admin()))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID job = UUID.fromString(JsonPath.read(started, "$.jobId"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> jobs.find(job).orElseThrow().status().finished());
    mvc.perform(get("/api/v1/jobs/" + job).with(admin()))
        .andExpect(jsonPath("$.status").value("SUCCEEDED"))
        .andExpect(jsonPath("$.messages[0]").exists());

    await().until(() -> users.findByUsername("demo001").isPresent());
    mvc.perform(get("/api/v1/teams").with(admin()))
        .andExpect(jsonPath("$[?(@.name == '客服中心')]").exists());
    mvc.perform(post("/api/v1/demo-data").with(admin()))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("demo-data-loaded"));
  }
}
