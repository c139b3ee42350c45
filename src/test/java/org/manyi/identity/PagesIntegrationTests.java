package org.manyi.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.manyi.TestUsers.ADMIN_PASSWORD;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.TestUsers;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.manyi.identity.internal.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class PagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired IdentityUserDetailsService userDetails;

  private RequestPostProcessor signedIn(String username) {
    SignedInUser principal = userDetails.loadUserByUsername(username);
    return user(principal);
  }

  @Test
  void pagesRedirectToSignInWhenSignedOut() throws Exception {
    mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
  }

  @Test
  void signInPageSpeaksTheBrowsersLanguageAndRemembersAChoice() throws Exception {
    mvc.perform(get("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("登录")));
    mvc.perform(get("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "en-US"))
        .andExpect(content().string(containsString("Sign in")));
    Cookie chosen =
        mvc.perform(get("/login?lang=en").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
            .andExpect(content().string(containsString("Sign in")))
            .andReturn()
            .getResponse()
            .getCookie("manyi-lang");
    mvc.perform(get("/login").cookie(chosen).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
        .andExpect(content().string(containsString("Sign in")));
  }

  @Test
  void formSignInWorksAndSetsSecurityHeaders() throws Exception {
    mvc.perform(formLogin().user("admin").password(ADMIN_PASSWORD))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/"));
    mvc.perform(get("/login"))
        .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().exists("Referrer-Policy"));
  }

  @Test
  void formsWithoutCsrfTokenAreRefused() throws Exception {
    mvc.perform(post("/admin/teams").with(signedIn("admin")).param("name", "x"))
        .andExpect(status().isForbidden());
  }

  @Test
  void repeatedFailedSignInsLockTheAccount() throws Exception {
    String agent = TestUsers.create(mvc, "AGENT");
    for (int i = 0; i < 5; i++) {
      mvc.perform(formLogin().user(agent).password("wrong-" + i))
          .andExpect(redirectedUrl("/login?error"));
    }
    mvc.perform(formLogin().user(agent).password(TestUsers.PASSWORD))
        .andExpect(redirectedUrl("/login?locked"));
    mvc.perform(get("/api/v1/users/me").with(TestUsers.as(agent)))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists(HttpHeaders.RETRY_AFTER));
  }

  @Test
  void homePageRendersForSignedInUsers() throws Exception {
    mvc.perform(get("/").with(signedIn("admin")).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Welcome, Administrator")))
        .andExpect(content().string(containsString("/webjars/htmx.org/")));
  }

  @Test
  void userListRendersAsPageAndAsHtmxFragment() throws Exception {
    mvc.perform(get("/admin/users").with(signedIn("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html")))
        .andExpect(content().string(containsString("id=\"user-rows\"")));
    mvc.perform(get("/admin/users?q=admin").with(signedIn("admin")).header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("<html"))))
        .andExpect(content().string(containsString("id=\"user-rows\"")))
        .andExpect(content().string(containsString("admin")));
  }

  @Test
  void adminPagesAreForbiddenToAgents() throws Exception {
    String agent = TestUsers.create(mvc, "AGENT");
    mvc.perform(get("/admin/users").with(signedIn(agent))).andExpect(status().isForbidden());
  }

  @Test
  void createUserFormKeepsInputAndShowsErrors() throws Exception {
    mvc.perform(
            post("/admin/users/new")
                .with(signedIn("admin"))
                .with(csrf())
                .param("username", "ab")
                .param("displayName", "张三")
                .param("roles", "AGENT")
                .param("password", "long-enough-password"))
        .andExpect(status().isOk())
        .andExpect(model().attributeHasFieldErrors("form", "username"))
        .andExpect(content().string(containsString("张三")));
    mvc.perform(
            post("/admin/users/new")
                .with(signedIn("admin"))
                .with(csrf())
                .param("username", "zhangsan" + System.nanoTime() % 100000)
                .param("displayName", "张三")
                .param("roles", "AGENT")
                .param("password", "long-enough-password"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/admin/users"));
  }

  @Test
  void teamsPageCreatesTeams() throws Exception {
    String name = "客服" + System.nanoTime() % 100000;
    mvc.perform(post("/admin/teams").with(signedIn("admin")).with(csrf()).param("name", name))
        .andExpect(redirectedUrl("/admin/teams"));
    mvc.perform(get("/admin/teams").with(signedIn("admin")))
        .andExpect(content().string(containsString(name)));
    mvc.perform(post("/admin/teams").with(signedIn("admin")).with(csrf()).param("name", name))
        .andExpect(status().isOk())
        .andExpect(model().attributeHasFieldErrors("form", "name"));
  }

  @Test
  void temporaryPasswordMustBeChangedBeforeAnythingElse() throws Exception {
    String agent = TestUsers.create(mvc, "AGENT");
    String id =
        com.jayway.jsonpath.JsonPath.read(
            mvc.perform(get("/api/v1/users?q=" + agent).with(TestUsers.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.items[0].id");
    // a password set by an admin is temporary
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(
                    "/api/v1/users/" + id)
                .with(TestUsers.admin())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"password\":\"set-by-the-admin\"}"))
        .andExpect(status().isOk());
    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(formLogin().user(agent).password("set-by-the-admin"))
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getRequest()
                .getSession();
    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
    mvc.perform(
            post("/account/password")
                .session(session)
                .with(csrf())
                .param("currentPassword", "set-by-the-admin")
                .param("newPassword", "my-own-password-1")
                .param("confirmPassword", "my-own-password-2"))
        .andExpect(status().isOk())
        .andExpect(model().attributeHasFieldErrors("form", "confirmPassword"));
    mvc.perform(
            post("/account/password")
                .session(session)
                .with(csrf())
                .param("currentPassword", "set-by-the-admin")
                .param("newPassword", "my-own-password-1")
                .param("confirmPassword", "my-own-password-1"))
        .andExpect(redirectedUrl("/"));
    mvc.perform(get("/").session(session)).andExpect(status().isOk());
  }

  @Test
  void tokensPageShowsTheSecretOnceAndRevokes() throws Exception {
    String agent = TestUsers.create(mvc, "AGENT");
    mvc.perform(
            post("/account/tokens")
                .with(signedIn(agent))
                .with(csrf())
                .param("name", "CI")
                .param("expiresInDays", "7"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("mny_")));
    mvc.perform(get("/account/tokens").with(signedIn(agent)))
        .andExpect(content().string(containsString("CI")))
        .andExpect(content().string(not(containsString("user-select-all"))));
  }

  @Test
  void swaggerUiAndApiDocsArePublic() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/api/v1/users/me")))
        .andExpect(content().string(not(containsString("\"name\":\"me\""))));
  }
}
