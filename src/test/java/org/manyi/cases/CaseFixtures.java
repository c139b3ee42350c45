package org.manyi.cases;

import static org.manyi.TestUsers.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.manyi.TestUsers;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Teams, users, customers and cases, unique per call so tests never collide. */
public final class CaseFixtures {

  private CaseFixtures() {}

  /** Creates a team and returns its ID. */
  public static String team(MockMvc mvc) throws Exception {
    String name = "案件组" + UUID.randomUUID().toString().substring(0, 8);
    mvc.perform(
            post("/api/v1/teams")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\"}"))
        .andExpect(status().isCreated());
    String teams =
        mvc.perform(get("/api/v1/teams").with(admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.<List<String>>read(teams, "$..[?(@.name == '" + name + "')].id").get(0);
  }

  /** Creates a user with a role in a team (by ID) and returns the username. */
  public static String user(MockMvc mvc, String role, String teamId) throws Exception {
    String teams =
        mvc.perform(get("/api/v1/teams").with(admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String teamName =
        JsonPath.<List<String>>read(teams, "$..[?(@.id == '" + teamId + "')].name").get(0);
    String username = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    mvc.perform(
            post("/api/v1/users")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"username":"%s","displayName":"坐席 %s","roles":["%s"],"team":"%s","password":"%s"}
                    """
                        .formatted(username, username, role, teamName, TestUsers.PASSWORD)))
        .andExpect(status().isCreated());
    return username;
  }

  /** The ID of a user. */
  public static String userId(MockMvc mvc, String username) throws Exception {
    return JsonPath.read(
        mvc.perform(get("/api/v1/users/me").with(TestUsers.as(username)))
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }

  /** Creates a customer owned by the user and returns its ID. */
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

  /** Records a complaint about the customer as the user and returns the case's JSON. */
  public static String complaint(MockMvc mvc, String username, String customerId) throws Exception {
    return mvc.perform(
            post("/api/v1/cases")
                .with(TestUsers.as(username))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"type":"COMPLAINT","customerId":"%s","channel":"PHONE",
                     "description":"收到的电饭煲内胆涂层脱落","remedyRequested":"换货"}
                    """
                        .formatted(customerId)))
        .andExpect(status().isCreated())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
