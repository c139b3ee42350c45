package org.manyi.orders;

import static org.manyi.TestUsers.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.manyi.TestUsers;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Teams, users, customers and orders for order tests, unique per call so tests never collide. */
final class OrderFixtures {

  private OrderFixtures() {}

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  static String phone() {
    return "138" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
  }

  static String team(MockMvc mvc) throws Exception {
    String name = unique("组");
    mvc.perform(
            post("/api/v1/teams")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\"}"))
        .andExpect(status().isCreated());
    return name;
  }

  static String user(MockMvc mvc, String role, String team) throws Exception {
    String username = unique("o");
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

  /** Creates a customer with an external ID and returns its ID. */
  static String customer(MockMvc mvc, RequestPostProcessor who, String name, String externalId)
      throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/customers")
                    .with(who)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"name\":\"%s\",\"externalId\":\"%s\",\"phone\":\"%s\"}"
                            .formatted(name, externalId, phone())))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.id");
  }

  /** An order of one customer (by Manyi ID) as JSON. */
  static String order(String externalId, String customerId, String orderedAt, String... items) {
    return """
        {"externalId":"%s","customerId":"%s","orderedAt":"%s","channel":"TMALL","store":"旗舰店",
         "items":[%s]}
        """
        .formatted(externalId, customerId, orderedAt, String.join(",", items));
  }

  static String item(String sku, String category, int quantity, String unitPrice) {
    return """
        {"sku":"%s","name":"商品 %s","category":"%s","quantity":%d,"unitPrice":%s}"""
        .formatted(sku, sku, category, quantity, unitPrice);
  }
}
