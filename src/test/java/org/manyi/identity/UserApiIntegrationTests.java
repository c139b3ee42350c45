package org.manyi.identity;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.manyi.TestUsers.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class UserApiIntegrationTests {

  @Autowired MockMvc mvc;

  @Test
  void answersTheCallerWithBasicAuthentication() throws Exception {
    mvc.perform(get("/api/v1/users/me").with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.username").value("admin"))
        .andExpect(jsonPath("$.roles", hasItem("ADMIN")))
        .andExpect(jsonPath("$.passwordHash").doesNotExist());
  }

  @Test
  void answers401ProblemInsteadOfRedirectWithoutCredentials() throws Exception {
    mvc.perform(get("/api/v1/users/me"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(header().doesNotExist(HttpHeaders.LOCATION));
  }

  @Test
  void refusesWrongPassword() throws Exception {
    mvc.perform(
            get("/api/v1/users/me")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic("admin", "wrong-password")))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void createsUserAndRefusesDuplicateUsername() throws Exception {
    String body =
        """
        {"username":"Li.Na","displayName":"李娜","email":"lina@example.com","roles":["AGENT","MARKETER"],"password":"long-enough-password"}
        """;
    String response =
        mvc.perform(
                post("/api/v1/users")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andExpect(header().string(HttpHeaders.LOCATION, startsWith("/api/v1/users/")))
            .andExpect(jsonPath("$.username").value("li.na"))
            .andExpect(jsonPath("$.displayName").value("李娜"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(response, "$.id");
    mvc.perform(get("/api/v1/users/" + id).with(admin()))
        .andExpect(jsonPath("$.roles.length()").value(2));
    mvc.perform(
            post("/api/v1/users")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.errors[0].field").value("username"));
  }

  @Test
  void invalidBodyAnswers400NamingEachField() throws Exception {
    mvc.perform(
            post("/api/v1/users")
                .with(admin())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"username\":\"x y\",\"email\":\"not-an-email\",\"roles\":[],\"password\":\"short\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("validation-error"))
        .andExpect(jsonPath("$.errors[*].field", hasItem("displayName")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("email")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("roles")));
  }

  @Test
  void domainRulesAnswer400NamingTheField() throws Exception {
    mvc.perform(
            post("/api/v1/users")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"username\":\"x y\",\"displayName\":\"X\",\"roles\":[\"AGENT\"],\"password\":\"long-enough-password\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("username"));
    mvc.perform(
            post("/api/v1/users")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"username\":\"shorty\",\"displayName\":\"X\",\"roles\":[\"AGENT\"],\"password\":\"short\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("password"));
    mvc.perform(
            post("/api/v1/users")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"username\":\"teamless\",\"displayName\":\"X\",\"roles\":[\"AGENT\"],\"team\":\"无此团队\",\"password\":\"long-enough-password\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("team"));
  }

  @Test
  void malformedJsonAndUnknownEnumAnswer400NotServerError() throws Exception {
    mvc.perform(
            post("/api/v1/users")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{not json"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("body"));
    mvc.perform(
            post("/api/v1/users")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"username\":\"abc\",\"displayName\":\"X\",\"roles\":[\"KING\"],\"password\":\"long-enough-password\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field", startsWith("roles")));
  }

  @Test
  void patchChangesRolesTeamAndDisablesSignIn() throws Exception {
    String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
    mvc.perform(
            post("/api/v1/teams")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + team + "\"}"))
        .andExpect(status().isCreated());
    String username = TestUsers.create(mvc, "AGENT");
    String id = id(username);
    mvc.perform(
            patch("/api/v1/users/" + id)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"roles\":[\"MANAGER\"],\"team\":\"" + team + "\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.roles[0]").value("MANAGER"))
        .andExpect(jsonPath("$.team").value(team));
    mvc.perform(get("/api/v1/users?team=" + teamId(team)).with(admin()))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].username").value(username));
    mvc.perform(
            patch("/api/v1/users/" + id)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":false}"))
        .andExpect(jsonPath("$.enabled").value(false));
    mvc.perform(get("/api/v1/users/me").with(TestUsers.as(username)))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void adminCannotDisableOrDemoteThemselves() throws Exception {
    String id = id("admin");
    mvc.perform(
            patch("/api/v1/users/" + id)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":false}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("enabled"));
    mvc.perform(
            patch("/api/v1/users/" + id)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"roles\":[\"AGENT\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("roles"));
  }

  @Test
  void listIsPagedSearchableAndForbiddenToAgents() throws Exception {
    String agent = TestUsers.create(mvc, "AGENT");
    mvc.perform(get("/api/v1/users?q=" + agent + "&size=5").with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.page").value(0))
        .andExpect(jsonPath("$.size").value(5))
        .andExpect(jsonPath("$.items[0].username").value(agent));
    mvc.perform(get("/api/v1/users?sort=password").with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
    mvc.perform(get("/api/v1/users").with(TestUsers.as(agent)))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(
            post("/api/v1/users")
                .with(TestUsers.as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"username\":\"sneaky\",\"displayName\":\"X\",\"roles\":[\"ADMIN\"],\"password\":\"long-enough-password\"}"))
        .andExpect(status().isForbidden());
  }

  @Test
  void personalTokensAuthenticateUntilRevoked() throws Exception {
    String agent = TestUsers.create(mvc, "AGENT");
    String created =
        mvc.perform(
                post("/api/v1/users/me/tokens")
                    .with(TestUsers.as(agent))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"脚本\",\"expiresInDays\":30}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.token", startsWith("mny_")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String token = JsonPath.read(created, "$.token");
    String tokenId = JsonPath.read(created, "$.id");
    mvc.perform(get("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value(agent));
    mvc.perform(get("/api/v1/users/me/tokens").with(TestUsers.as(agent)))
        .andExpect(jsonPath("$[0].name").value("脚本"))
        .andExpect(jsonPath("$[0].token").doesNotExist());
    // another user's token does not exist for the caller
    mvc.perform(delete("/api/v1/users/me/tokens/" + tokenId).with(admin()))
        .andExpect(status().isNotFound());
    mvc.perform(delete("/api/v1/users/me/tokens/" + tokenId).with(TestUsers.as(agent)))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("api.token.invalid"));
  }

  @Test
  void tokenRequestIsValidated() throws Exception {
    mvc.perform(
            post("/api/v1/users/me/tokens")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"\",\"expiresInDays\":0}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("expiresInDays")));
  }

  @Test
  void idempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() throws Exception {
    String key = UUID.randomUUID().toString();
    String name = "idem" + key.substring(0, 8);
    String body =
        "{\"username\":\""
            + name
            + "\",\"displayName\":\"幂等\",\"roles\":[\"AGENT\"],\"password\":\"long-enough-password\"}";
    String first =
        mvc.perform(
                post("/api/v1/users")
                    .with(admin())
                    .header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    mvc.perform(
            post("/api/v1/users")
                .with(admin())
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isCreated())
        .andExpect(header().string("Idempotent-Replayed", "true"))
        .andExpect(jsonPath("$.id").value((String) JsonPath.read(first, "$.id")));
    mvc.perform(get("/api/v1/users?q=" + name).with(admin()))
        .andExpect(jsonPath("$.total").value(1));
    mvc.perform(
            post("/api/v1/users")
                .with(admin())
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.replace("幂等", "不同")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.type").value("idempotency-key-reused"));
    // without the key the same body is a new request: here a duplicate username
    mvc.perform(
            post("/api/v1/users")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isConflict())
        .andExpect(header().doesNotExist("Idempotent-Replayed"));
  }

  private String id(String username) throws Exception {
    String page =
        mvc.perform(get("/api/v1/users?q=" + username).with(admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.<net.minidev.json.JSONArray>read(
            page, "$.items[?(@.username == '" + username + "')].id")
        .get(0)
        .toString();
  }

  private String teamId(String team) throws Exception {
    String teams =
        mvc.perform(get("/api/v1/teams").with(admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.<net.minidev.json.JSONArray>read(teams, "$[?(@.name == '" + team + "')].id")
        .get(0)
        .toString();
  }
}
