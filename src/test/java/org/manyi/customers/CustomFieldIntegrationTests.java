package org.manyi.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.manyi.TestUsers.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class CustomFieldIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityUserDetailsService userDetails;

  private void define(String key, String json) throws Exception {
    mvc.perform(
            put("/api/v1/customers/fields/" + key)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json))
        .andExpect(status().isOk());
  }

  @Test
  void customFieldsAreValidatedStoredFilteredImportedAndExported() throws Exception {
    String run = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    String level = "level_" + run;
    String hobbies = "hobbies_" + run;
    String budget = "budget_" + run;
    define(
        level,
        "{\"labelZh\":\"会员等级%s\",\"labelEn\":\"Tier %s\",\"type\":\"CHOICE\",\"options\":[\"金卡\",\"银卡\"],\"inList\":true}"
            .formatted(run, run));
    define(
        hobbies,
        "{\"labelZh\":\"爱好%s\",\"labelEn\":\"Hobbies %s\",\"type\":\"MULTI_CHOICE\",\"options\":[\"茶\",\"咖啡\",\"运动\"]}"
            .formatted(run, run));
    define(
        budget,
        "{\"labelZh\":\"预算%s\",\"labelEn\":\"Budget %s\",\"type\":\"NUMBER\"}".formatted(run, run));

    String phone = CustomerFixtures.phone();
    String body =
        mvc.perform(
                post("/api/v1/customers")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        ("{\"name\":\"字段客户\",\"phone\":\"%s\",\"customFields\":{\"%s\":\"金卡\","
                                + "\"%s\":[\"茶\",\"运动\"],\"%s\":\"1,200.50\"}}")
                            .formatted(phone, level, hobbies, budget)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.customFields." + level).value("金卡"))
            .andExpect(jsonPath("$.customFields." + hobbies).value("茶|运动"))
            .andExpect(jsonPath("$.customFields." + budget).value("1200.5"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(body, "$.id");

    // a bad value is refused naming the field, and nothing is written
    mvc.perform(
            post("/api/v1/customers")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"name\":\"坏字段%s\",\"customFields\":{\"%s\":\"铜卡\"}}".formatted(run, level)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("customFields." + level));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM customer WHERE name = ?")
                .param("坏字段" + run)
                .query(Long.class)
                .single())
        .isZero();

    mvc.perform(
            get("/api/v1/customers")
                .param("field", hobbies)
                .param("fieldValue", "运动")
                .with(admin()))
        .andExpect(jsonPath("$.items[*].id", hasItem(id)));
    mvc.perform(
            get("/api/v1/customers")
                .param("field", hobbies)
                .param("fieldValue", "咖啡")
                .with(admin()))
        .andExpect(jsonPath("$.items[*].id", not(hasItem(id))));

    mvc.perform(
            patch("/api/v1/customers/" + id)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"customFields\":{\"%s\":\"\"}}".formatted(budget)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.customFields." + budget).doesNotExist());

    // import by the field's Chinese label: the tier changes, the rest stays
    String csv = "姓名,手机,会员等级%s\n字段客户,%s,银卡\n".formatted(run, phone);
    mvc.perform(
            multipart("/api/v1/imports/customers")
                .file(
                    new MockMultipartFile(
                        "file", "f.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "true")
                .with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.updated").value(1))
        .andExpect(jsonPath("$.mapping['cf." + level + "']").value("会员等级" + run));

    MvcResult export =
        mvc.perform(
                get("/api/v1/customers/export")
                    .param("field", level)
                    .param("fieldValue", "金卡")
                    .header("Accept-Language", "en")
                    .with(admin()))
            .andExpect(request().asyncStarted())
            .andReturn();
    String file =
        mvc.perform(asyncDispatch(export))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(file).contains("Tier " + run).contains("字段客户").contains("金卡");
  }

  @Test
  void thePagesDefineFieldsAndFillThemInTheForm() throws Exception {
    String run = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    var signedIn = user(userDetails.loadUserByUsername("admin"));
    mvc.perform(
            post("/customers/fields")
                .param("key", "note_" + run)
                .param("labelZh", "偏好" + run)
                .param("labelEn", "Preference " + run)
                .param("type", "TEXT")
                .with(signedIn)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/customers/fields").with(signedIn))
        .andExpect(content().string(containsString("note_" + run)));
    mvc.perform(post("/customers/fields").param("key", "Bad Key").with(signedIn).with(csrf()))
        .andExpect(content().string(containsString("fieldError")));
    mvc.perform(get("/customers/new").with(signedIn))
        .andExpect(content().string(containsString("cf.note_" + run)));
    mvc.perform(
            post("/customers/new")
                .param("kind", "PERSON")
                .param("name", "表单字段" + run)
                .param("cf.note_" + run, "喜欢绿茶")
                .param("allowDuplicate", "true")
                .with(signedIn)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql(
                    "SELECT v.field_value FROM customer_field_value v JOIN customer c ON c.id ="
                        + " v.customer_id WHERE c.name = ?")
                .param("表单字段" + run)
                .query(String.class)
                .single())
        .isEqualTo("喜欢绿茶");
  }
}
