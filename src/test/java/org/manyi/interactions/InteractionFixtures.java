package org.manyi.interactions;

import static org.manyi.TestUsers.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.manyi.TestUsers;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Teams, users in them, customers and interactions through the API, unique per call so tests never
 * collide; the tasks tests use them too.
 */
public final class InteractionFixtures {

  private InteractionFixtures() {}

  public static String team(MockMvc mvc) throws Exception {
    String name = "组" + UUID.randomUUID().toString().substring(0, 8);
    mvc.perform(
            post("/api/v1/teams")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\"}"))
        .andExpect(status().isCreated());
    return name;
  }

  /** Creates a user with a role in a team and returns the username. */
  public static String user(MockMvc mvc, String role, String team) throws Exception {
    String username = "i" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    mvc.perform(
            post("/api/v1/users")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"username":"%s","displayName":"员工 %s","roles":["%s"],"team":"%s","password":"%s"}
                    """
                        .formatted(username, username, role, team, TestUsers.PASSWORD)))
        .andExpect(status().isCreated());
    return username;
  }

  /** The ID of a user, read through the API as that user. */
  public static String userId(MockMvc mvc, String username) throws Exception {
    String body =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/api/v1/users/me")
                    .with(TestUsers.as(username)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.id");
  }

  /** Creates a customer owned by the given user and returns its ID. */
  public static String customer(MockMvc mvc, String username, String name) throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/customers")
                    .with(TestUsers.as(username))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"" + name + "\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.id");
  }

  /** Logs a phone call with the customer and returns the interaction's ID. */
  public static String interaction(MockMvc mvc, String username, String customerId)
      throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/interactions")
                    .with(TestUsers.as(username))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"customerId":"%s","channel":"PHONE","direction":"OUTBOUND",
                         "subject":"询问物流","durationMinutes":5}
                        """
                            .formatted(customerId)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.id");
  }
}
