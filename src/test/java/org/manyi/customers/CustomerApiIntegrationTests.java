package org.manyi.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.manyi.TestUsers.admin;
import static org.manyi.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class CustomerApiIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  String team;
  String agent;

  @BeforeEach
  void staff() throws Exception {
    team = CustomerFixtures.team(mvc);
    agent = CustomerFixtures.user(mvc, "AGENT", team);
  }

  @Test
  void createsCustomerWithNormalisedPhoneAndShowsItMasked() throws Exception {
    String phone = CustomerFixtures.phone();
    String spaced =
        "+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7);
    mvc.perform(
            post("/api/v1/customers")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"name":"王小明","phone":"%s","email":"Xiaoming.Wang@Example.com","gender":"MALE",
                     "birthday":"1990-05-20","province":"浙江省","city":"杭州市","source":"TMALL",
                     "tags":["VIP","母婴"],"externalId":"TM-%s"}
                    """
                        .formatted(spaced, phone)))
        .andExpect(status().isCreated())
        .andExpect(header().exists("Location"))
        .andExpect(jsonPath("$.id").isNotEmpty())
        .andExpect(jsonPath("$.name").value("王小明"))
        .andExpect(jsonPath("$.phone").value(phone.substring(0, 3) + "****" + phone.substring(7)))
        .andExpect(jsonPath("$.email").value("x***@example.com"))
        .andExpect(jsonPath("$.masked").value(true))
        .andExpect(jsonPath("$.birthday").value("1990-05-20"))
        .andExpect(jsonPath("$.source").value("TMALL"))
        .andExpect(jsonPath("$.stage").value("PROSPECT"))
        .andExpect(jsonPath("$.completeness").value(85))
        .andExpect(jsonPath("$.tags", hasItem("VIP")));
  }

  @Test
  void revealsContactsOnlyThroughTheAuditedReveal() throws Exception {
    String phone = CustomerFixtures.phone();
    String id =
        CustomerFixtures.customer(mvc, agent, "{\"name\":\"李四\",\"phone\":\"" + phone + "\"}");
    mvc.perform(post("/api/v1/customers/" + id + "/reveal").with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.phone").value(phone))
        .andExpect(jsonPath("$.masked").value(false));
    Long reveals =
        jdbc.sql(
                "SELECT COUNT(*) FROM customer_audit WHERE customer_id = ? AND action = 'REVEALED'"
                    + " AND fields = 'phone'")
            .param(java.util.UUID.fromString(id))
            .query(Long.class)
            .single();
    assertThat(reveals).isEqualTo(1);
    mvc.perform(get("/api/v1/customers/audit?action=REVEALED").with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].fields", hasItem("phone")));
    mvc.perform(get("/api/v1/customers/audit").with(as(agent))).andExpect(status().isForbidden());
  }

  @Test
  void keepsTheIdCardNumberEncryptedMaskedFindableAndUnique() throws Exception {
    String id =
        CustomerFixtures.customer(
            mvc, agent, "{\"name\":\"身份证测试\",\"idNumber\":\"11010519491231002x\"}");
    mvc.perform(get("/api/v1/customers/" + id).with(as(agent)))
        .andExpect(jsonPath("$.idNumber").value("110***********002X"));
    mvc.perform(post("/api/v1/customers/" + id + "/reveal").with(as(agent)))
        .andExpect(jsonPath("$.idNumber").value("11010519491231002X"));
    mvc.perform(get("/api/v1/customers?q=11010519491231002X").with(as(agent)))
        .andExpect(jsonPath("$.items[*].id", hasItem(id)));
    mvc.perform(
            post("/api/v1/customers")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"另一个人\",\"idNumber\":\"11010519491231002X\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.candidates[0].matchedOn", hasItem("ID_NUMBER")));
    expectInvalid("{\"name\":\"孙八\",\"idNumber\":\"110105194912310021\"}", "idNumber");
    Long plain =
        jdbc.sql("SELECT COUNT(*) FROM customer_contact WHERE cipher_text LIKE '%1949%'")
            .query(Long.class)
            .single();
    assertThat(plain).isZero();
  }

  @Test
  void reportsALikelyDuplicateUnlessAllowed() throws Exception {
    String phone = CustomerFixtures.phone();
    String first =
        CustomerFixtures.customer(mvc, agent, "{\"name\":\"赵六\",\"phone\":\"" + phone + "\"}");
    String again =
        "{\"name\":\"赵六六\",\"phone\":\"" + phone.substring(0, 3) + " " + phone.substring(3) + "\"}";
    mvc.perform(
            post("/api/v1/customers")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content(again))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("duplicate-customer"))
        .andExpect(jsonPath("$.candidates[0].id").value(first))
        .andExpect(jsonPath("$.candidates[0].matchedOn", hasItem("PHONE")));
    mvc.perform(
            post("/api/v1/customers?allowDuplicate=true")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content(again))
        .andExpect(status().isCreated());
  }

  @Test
  void findsDuplicatesByNameAndBirthdayAndByExternalId() throws Exception {
    String ext = "JD-" + CustomerFixtures.phone();
    CustomerFixtures.customer(
        mvc, agent, "{\"name\":\"钱七\",\"birthday\":\"1985-01-02\",\"externalId\":\"" + ext + "\"}");
    mvc.perform(
            post("/api/v1/customers")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"name\":\"钱七\",\"birthday\":\"1985-01-02\",\"externalId\":\"" + ext + "\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.candidates[0].matchedOn", hasItem("NAME_AND_BIRTHDAY")))
        .andExpect(jsonPath("$.candidates[0].matchedOn", hasItem("EXTERNAL_ID")));
  }

  @Test
  void badInputIsA400NamingTheField() throws Exception {
    expectInvalid("{\"name\":\"孙八\",\"phone\":\"12345\"}", "phone");
    expectInvalid("{\"name\":\"孙八\",\"email\":\"not-an-email\"}", "email");
    expectInvalid("{\"name\":\"孙八\",\"birthday\":\"1990-13-40\"}", "birthday");
    expectInvalid("{\"name\":\"孙八\",\"birthday\":\"2999-01-01\"}", "birthday");
    expectInvalid("{\"name\":\"孙八\",\"gender\":\"ROBOT\"}", "gender");
    expectInvalid("{\"name\":\"孙八\",\"source\":\"小红书\"}", "source");
    expectInvalid("{\"phone\":\"13800000000\"}", "name");
    expectInvalid("{\"name\":\"   \"}", "name");
    expectInvalid(
        "{\"name\":\"孙八\",\"ownerId\":\"" + java.util.UUID.randomUUID() + "\"}", "ownerId");
    expectInvalid("{\"name\":\"孙八\",\"tags\":[\"" + "长".repeat(40) + "\"]}", "tags");
    mvc.perform(get("/api/v1/customers?sort=shoe_size").with(as(agent)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
    mvc.perform(get("/api/v1/customers/not-a-uuid").with(as(agent)))
        .andExpect(status().isBadRequest());
    mvc.perform(
            post("/api/v1/customers")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{not json"))
        .andExpect(status().isBadRequest());
  }

  private void expectInvalid(String json, String field) throws Exception {
    mvc.perform(
            post("/api/v1/customers")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value(field));
  }

  @Test
  void agentCannotReachAnotherTeamsCustomer() throws Exception {
    String otherTeam = CustomerFixtures.team(mvc);
    String stranger = CustomerFixtures.user(mvc, "AGENT", otherTeam);
    String id =
        CustomerFixtures.customer(
            mvc, stranger, "{\"name\":\"周九\",\"phone\":\"" + CustomerFixtures.phone() + "\"}");
    mvc.perform(get("/api/v1/customers/" + id).with(as(agent))).andExpect(status().isNotFound());
    mvc.perform(
            patch("/api/v1/customers/" + id)
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"改名\"}"))
        .andExpect(status().isNotFound());
    mvc.perform(delete("/api/v1/customers/" + id).with(as(agent))).andExpect(status().isNotFound());
    mvc.perform(post("/api/v1/customers/" + id + "/reveal").with(as(agent)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/customers/" + id + "/timeline").with(as(agent)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/customers?q=周九").with(as(agent)))
        .andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
    mvc.perform(get("/api/v1/customers/" + id).with(admin())).andExpect(status().isOk());
  }

  @Test
  void managerSeesTheTeamsCustomersButNotAnotherTeams() throws Exception {
    String manager = CustomerFixtures.user(mvc, "MANAGER", team);
    String mine = CustomerFixtures.customer(mvc, agent, "{\"name\":\"吴十\"}");
    String otherTeam = CustomerFixtures.team(mvc);
    String stranger = CustomerFixtures.user(mvc, "AGENT", otherTeam);
    String theirs = CustomerFixtures.customer(mvc, stranger, "{\"name\":\"郑十一\"}");
    mvc.perform(get("/api/v1/customers/" + mine).with(as(manager))).andExpect(status().isOk());
    mvc.perform(get("/api/v1/customers/" + theirs).with(as(manager)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/customers?size=500").with(as(manager)))
        .andExpect(jsonPath("$.items[*].id", hasItem(mine)))
        .andExpect(jsonPath("$.items[*].id", not(hasItem(theirs))));
    // a manager hands the customer to a colleague of the same team, not to another team
    mvc.perform(
            patch("/api/v1/customers/" + mine)
                .with(as(manager))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"ownerId\":\"" + userId(stranger) + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("ownerId"));
  }

  @Test
  void analystSeesNoCustomerRecords() throws Exception {
    String analyst = TestUsers.create(mvc, "ANALYST");
    mvc.perform(get("/api/v1/customers").with(as(analyst))).andExpect(status().isForbidden());
  }

  @Test
  void searchFindsByPinyinInitialsFullPinyinLastFourPhoneEmailAndExternalId() throws Exception {
    String phone = CustomerFixtures.phone();
    String id =
        CustomerFixtures.customer(
            mvc,
            agent,
            """
            {"name":"张三","phone":"%s","email":"zhang.san@example.com","externalId":"EXT-%s"}
            """
                .formatted(phone, phone));
    for (String q :
        List.of(
            "zs",
            "ZS",
            "zhangsan",
            "zhang san",
            "张三",
            "张",
            phone.substring(7),
            phone,
            "+86" + phone,
            "Zhang.San@example.com",
            "EXT-" + phone)) {
      mvc.perform(get("/api/v1/customers").param("q", q).with(as(agent)))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.items[*].id", hasItem(id)));
    }
    mvc.perform(get("/api/v1/customers").param("q", "ls").with(as(agent)))
        .andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
  }

  @Test
  void listFiltersSortsAndPages() throws Exception {
    String a =
        CustomerFixtures.customer(
            mvc, agent, "{\"name\":\"阿甲\",\"city\":\"苏州市\",\"tags\":[\"VIP\"],\"source\":\"JD\"}");
    String b =
        CustomerFixtures.customer(
            mvc, agent, "{\"name\":\"阿乙\",\"city\":\"无锡市\",\"source\":\"STORE\"}");
    mvc.perform(get("/api/v1/customers?tag=VIP").with(as(agent)))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(a));
    mvc.perform(get("/api/v1/customers?city=无锡市&source=STORE&stage=PROSPECT").with(as(agent)))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(b));
    mvc.perform(get("/api/v1/customers?sort=name&desc=false&size=1&page=1").with(as(agent)))
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.size").value(1))
        .andExpect(jsonPath("$.total").value(2))
        .andExpect(jsonPath("$.items.length()").value(1));
    mvc.perform(
            get("/api/v1/customers?createdFrom=2000-01-01&createdTo=2000-12-31").with(as(agent)))
        .andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void patchChangesOnlyTheGivenFieldsAndTheTimelineTellsSo() throws Exception {
    String id =
        CustomerFixtures.customer(
            mvc,
            agent,
            "{\"name\":\"冯十二\",\"city\":\"南京市\",\"phone\":\"" + CustomerFixtures.phone() + "\"}");
    String phone = CustomerFixtures.phone();
    mvc.perform(
            patch("/api/v1/customers/" + id)
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"phone":"%s","notes":"喜欢周末到店","consents":[{"channel":"SMS","granted":true,"method":"门店登记","noticeVersion":"2026-01"}]}
                    """
                        .formatted(phone)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("冯十二"))
        .andExpect(jsonPath("$.city").value("南京市"))
        .andExpect(jsonPath("$.phones.length()").value(1))
        .andExpect(jsonPath("$.phone").value(phone.substring(0, 3) + "****" + phone.substring(7)))
        .andExpect(jsonPath("$.consents[0].channel").value("SMS"))
        .andExpect(jsonPath("$.consents[0].noticeVersion").value("2026-01"));
    mvc.perform(get("/api/v1/customers/" + id + "/timeline").with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].type").value("customer"))
        .andExpect(jsonPath("$.length()").value(2));
  }

  @Test
  void deletesACustomer() throws Exception {
    String id = CustomerFixtures.customer(mvc, agent, "{\"name\":\"陈十三\"}");
    mvc.perform(delete("/api/v1/customers/" + id).with(as(agent)))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/customers/" + id).with(as(agent))).andExpect(status().isNotFound());
  }

  @Test
  void theDatabaseHoldsNoPhoneNumberOrEmailInPlainText() throws Exception {
    String phone = CustomerFixtures.phone();
    String email = "secret." + phone + "@example.com";
    CustomerFixtures.customer(
        mvc, agent, "{\"name\":\"保密\",\"phone\":\"" + phone + "\",\"email\":\"" + email + "\"}");
    List<String> tables =
        jdbc.sql(
                "SELECT table_name FROM information_schema.tables WHERE LOWER(table_name) LIKE"
                    + " 'customer%' AND LOWER(table_schema) = 'public'")
            .query(String.class)
            .list();
    assertThat(tables).contains("customer", "customer_contact");
    for (String table : tables) {
      List<java.util.Map<String, Object>> rows =
          jdbc.sql("SELECT * FROM " + table).query().listOfRows();
      for (var row : rows) {
        for (Object value : row.values()) {
          assertThat(String.valueOf(value))
              .doesNotContain(phone)
              .doesNotContain(phone.substring(3));
          assertThat(String.valueOf(value)).doesNotContainIgnoringCase("secret." + phone);
        }
      }
    }
  }

  private String userId(String username) throws Exception {
    String body =
        mvc.perform(get("/api/v1/users/me").with(as(username)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return com.jayway.jsonpath.JsonPath.read(body, "$.id");
  }
}
