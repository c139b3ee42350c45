package org.manyi;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Creates users through the API, with names unique per call so tests never collide. */
public final class TestUsers {

  public static final String ADMIN_PASSWORD = "admin-test-password";
  public static final String PASSWORD = "correct-horse-battery";

  private TestUsers() {}

  public static RequestPostProcessor admin() {
    return httpBasic("admin", ADMIN_PASSWORD);
  }

  public static RequestPostProcessor as(String username) {
    return httpBasic(username, PASSWORD);
  }

  /** Creates a user with the given role and returns its username. */
  public static String create(MockMvc mvc, String role) throws Exception {
    String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    mvc.perform(
            post("/api/v1/users")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"username":"%s","displayName":"测试 %s","roles":["%s"],"password":"%s"}
                    """
                        .formatted(username, username, role, PASSWORD)))
        .andExpect(status().isCreated());
    return username;
  }
}
