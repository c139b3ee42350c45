package org.manyi.surveys;

import static org.manyi.TestUsers.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Open surveys and customers for invitation tests, unique per call so tests never collide. */
final class SurveyFixtures {

  private SurveyFixtures() {}

  static String openSurvey(MockMvc mvc, String name) throws Exception {
    String survey =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/surveys")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"template\":\"NPS_REASON\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    mvc.perform(
            patch("/api/v1/surveys/" + survey)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"ACTIVE\"}"))
        .andExpect(status().isOk());
    return survey;
  }

  /** A unique city name, so a segment filter reaches only one test's customers. */
  static String city() {
    return "测试市" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Creates a customer as admin.
   *
   * @param email an address, or null for none
   * @param emailConsent whether the customer agreed to email
   */
  static String customer(
      MockMvc mvc, String name, String city, @Nullable String email, boolean emailConsent)
      throws Exception {
    String body =
        "{\"name\":\"%s\",\"city\":\"%s\"%s,\"consents\":[{\"channel\":\"EMAIL\",\"granted\":%s}]}"
            .formatted(
                name, city, email == null ? "" : ",\"email\":\"" + email + "\"", emailConsent);
    return JsonPath.read(
        mvc.perform(
                post("/api/v1/customers?allowDuplicate=true")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }
}
