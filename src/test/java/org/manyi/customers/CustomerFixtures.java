package org.manyi.customers;

import static org.manyi.TestUsers.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.manyi.TestUsers;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Teams, users in them and customers, unique per call so tests never collide. */
final class CustomerFixtures {

  private CustomerFixtures() {}

  /** A mainland mobile number nobody else in the test database has. */
  static String phone() {
    return "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
  }

  static String team(MockMvc mvc) throws Exception {
    String name = "组" + UUID.randomUUID().toString().substring(0, 8);
    mvc.perform(
            post("/api/v1/teams")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\"}"))
        .andExpect(status().isCreated());
    return name;
  }

  /** The name of the team a user created by {@link #user} belongs to. */
  static String teamOf(MockMvc mvc, String username) throws Exception {
    String users =
        mvc.perform(get("/api/v1/users").param("size", "500").with(admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.<List<String>>read(users, "$..[?(@.username == '" + username + "')].team")
        .get(0);
  }

  /** Creates a user with a role in a team and returns the username. */
  static String user(MockMvc mvc, String role, String team) throws Exception {
    String username = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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

  /** Creates a customer as the given user and returns its ID. */
  static String customer(MockMvc mvc, String username, String json) throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/customers")
                    .with(TestUsers.as(username))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.id");
  }
}
