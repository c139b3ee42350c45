package org.manyi.platform;

import static org.hamcrest.Matchers.containsString;
import static org.manyi.TestUsers.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class OperationsIntegrationTests {

  @Autowired MockMvc mvc;

  @Test
  void healthIsUpAndIncludesTheDatabaseForAdmins() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"));
    mvc.perform(get("/actuator/health").with(admin()))
        .andExpect(jsonPath("$.components.db.status").value("UP"));
  }

  @Test
  void metricsNeedAnAdmin() throws Exception {
    mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    String agent = TestUsers.create(mvc, "AGENT");
    mvc.perform(get("/actuator/prometheus").with(TestUsers.as(agent)))
        .andExpect(status().isForbidden());
  }

  @Test
  void unknownApiPathAnswersProblemNotServerError() throws Exception {
    mvc.perform(get("/api/v1/no-such-thing").with(admin()))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("404")));
  }
}
