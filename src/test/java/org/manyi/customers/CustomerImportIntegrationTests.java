package org.manyi.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.manyi.TestUsers.admin;
import static org.manyi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.manyi.platform.Jobs;
import org.manyi.platform.TabularWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class CustomerImportIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Jobs jobs;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityUserDetailsService userDetails;

  private RequestPostProcessor signedInAdmin() {
    return user(userDetails.loadUserByUsername("admin"));
  }

  /** A file with Chinese headings, three good rows and two bad ones. */
  private static String csv(String p1, String p2, String p3, String ext) {
    return "姓名,手机,性别,生日,城市,来源,外部编号,标签\n"
        + "张三,%s,男,1990/5/1,上海,天猫,%s-1,VIP、老客户\n".formatted(p1, ext)
        + "李四,%s,女,19851231,北京,门店,%s-2,\n".formatted(p2, ext)
        + "王五,12345,男,,,,,\n"
        + ",%s,,,,,,\n".formatted(CustomerFixtures.phone())
        + "赵六,%s,未知,2001-02-30,,,%s-4,\n".formatted(CustomerFixtures.phone(), ext)
        + "钱七,%s,,,广州,微信,%s-5,\n".formatted(p3, ext);
  }

  private static MockMultipartFile file(String name, byte[] content) {
    return new MockMultipartFile("file", name, "application/octet-stream", content);
  }

  @Test
  void dryRunReportsEachBadRowAndWritesNothingThenTheImportCreatesTheRestOnce() throws Exception {
    String p1 = CustomerFixtures.phone();
    String ext = "IMP" + UUID.randomUUID().toString().substring(0, 8);
    byte[] content =
        csv(p1, CustomerFixtures.phone(), CustomerFixtures.phone(), ext)
            .getBytes(StandardCharsets.UTF_8);

    mvc.perform(
            multipart("/api/v1/imports/customers")
                .file(file("customers.csv", content))
                .param("dryRun", "true")
                .with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.dryRun").value(true))
        .andExpect(jsonPath("$.rows").value(6))
        .andExpect(jsonPath("$.created").value(3))
        .andExpect(jsonPath("$.rejected").value(3))
        .andExpect(jsonPath("$.problems[0].line").value(4))
        .andExpect(jsonPath("$.problems[0].field").value("phone"))
        .andExpect(jsonPath("$.problems[1].line").value(5))
        .andExpect(jsonPath("$.problems[1].field").value("name"))
        .andExpect(jsonPath("$.problems[2].line").value(6))
        .andExpect(jsonPath("$.problems[2].field").value("birthday"))
        .andExpect(jsonPath("$.mapping.phone").value("手机"));
    assertThat(countExternal(ext)).isZero();

    String job = runImport(content);
    mvc.perform(get("/api/v1/jobs/" + job).with(admin()))
        .andExpect(jsonPath("$.status").value("SUCCEEDED"))
        .andExpect(jsonPath("$.result.created").value(3))
        .andExpect(jsonPath("$.result.rejected").value(3))
        .andExpect(jsonPath("$.result.problems[0].line").value(4));
    assertThat(countExternal(ext)).isEqualTo(3);

    List<String> tags =
        jdbc.sql(
                "SELECT t.tag FROM customer_tag t JOIN customer c ON c.id = t.customer_id"
                    + " WHERE c.external_id = ?")
            .param(ext + "-1")
            .query(String.class)
            .list();
    assertThat(tags).containsExactlyInAnyOrder("VIP", "老客户");

    // the same file again: nothing new, nothing changed
    String again = runImport(content);
    mvc.perform(get("/api/v1/jobs/" + again).with(admin()))
        .andExpect(jsonPath("$.result.created").value(0))
        .andExpect(jsonPath("$.result.updated").value(0))
        .andExpect(jsonPath("$.result.unchanged").value(3));
    assertThat(countExternal(ext)).isEqualTo(3);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM customer_audit WHERE action = 'IMPORTED'")
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void rowsResemblingStoredCustomersAreCreatedAndReportedAsLikelyDuplicates() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String email = "dup-" + tag + "@example.com";
    String name = "查重" + tag;
    mvc.perform(
            post("/api/v1/customers")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    ("{\"name\":\"%s\",\"birthday\":\"1988-08-08\",\"emails\":[\"%s\"],"
                            + "\"phones\":[\"%s\"]}")
                        .formatted(name, email, CustomerFixtures.phone())))
        .andExpect(status().isCreated());
    byte[] content =
        ("姓名,手机,邮箱,生日\n"
                + "另一个人,%s,%s,\n".formatted(CustomerFixtures.phone(), email.toUpperCase())
                + "%s,%s,,1988-08-08\n".formatted(name, CustomerFixtures.phone())
                + "无关的人,%s,,1988-08-08\n".formatted(CustomerFixtures.phone()))
            .getBytes(StandardCharsets.UTF_8);
    mvc.perform(
            multipart("/api/v1/imports/customers")
                .file(file("lookalikes.csv", content))
                .param("dryRun", "true")
                .with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(3))
        .andExpect(jsonPath("$.possibleDuplicates").value(2))
        .andExpect(jsonPath("$.warnings[0].line").value(2))
        .andExpect(jsonPath("$.warnings[0].reason").value("EMAIL"))
        .andExpect(jsonPath("$.warnings[1].line").value(3))
        .andExpect(jsonPath("$.warnings[1].reason").value("NAME_AND_BIRTHDAY"));
  }

  @Test
  void xlsxFilesWithEnglishHeadingsUpdateMatchedCustomersAndCanBeRolledBack() throws Exception {
    String phone = CustomerFixtures.phone();
    String existing =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/customers")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"孙八\",\"phone\":\"%s\"}".formatted(phone)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    String ext = "X" + UUID.randomUUID().toString().substring(0, 8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TabularWriter writer = TabularWriter.open(TabularWriter.Format.XLSX, out)) {
      writer.row(Arrays.asList("Full Name", "Mobile", "City", "External ID"));
      writer.row(Arrays.asList("孙八", phone, "杭州", ext + "-1"));
      writer.row(Arrays.asList("周九", CustomerFixtures.phone(), "南京", ext + "-2"));
    }
    String job = runImport(out.toByteArray());
    String result =
        mvc.perform(get("/api/v1/jobs/" + job).with(admin()))
            .andExpect(jsonPath("$.result.created").value(1))
            .andExpect(jsonPath("$.result.updated").value(1))
            .andReturn()
            .getResponse()
            .getContentAsString();
    mvc.perform(get("/api/v1/customers/" + existing).with(admin()))
        .andExpect(jsonPath("$.city").value("杭州"));

    String importId = importIdOf(job);
    mvc.perform(post("/api/v1/imports/customers/" + importId + "/rollback").with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ROLLED_BACK"));
    // the created customer is gone, the updated one is back as it was before the import
    assertThat(countExternal(ext)).isZero();
    mvc.perform(get("/api/v1/customers/" + existing).with(admin()))
        .andExpect(jsonPath("$.name").value("孙八"))
        .andExpect(jsonPath("$.city").isEmpty());
    assertThat(result).contains("\"batches\":1");
  }

  @Test
  void gbkEncodedCsvIsReadAndTheErrorReportDownloads() throws Exception {
    String ext = "G" + UUID.randomUUID().toString().substring(0, 8);
    String text =
        "客户名称,联系电话,外部编号\n吴十,%s,%s\n郑一,not-a-phone,\n".formatted(CustomerFixtures.phone(), ext);
    String report =
        mvc.perform(
                multipart("/api/v1/imports/customers")
                    .file(file("gbk.csv", text.getBytes(Charset.forName("GBK"))))
                    .param("dryRun", "true")
                    .with(admin()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.created").value(1))
            .andExpect(jsonPath("$.rejected").value(1))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(report, "$.importId");
    MvcResult download =
        mvc.perform(get("/api/v1/imports/customers/" + id + "/problems").with(admin()))
            .andExpect(request().asyncStarted())
            .andReturn();
    mvc.perform(asyncDispatch(download))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", containsString("attachment")))
        .andExpect(content().string(containsString("3,phone,customer.phone.invalid")));
  }

  @Test
  void refusesBadFilesAndMappingsWithProblemsNamingTheField() throws Exception {
    mvc.perform(
            multipart("/api/v1/imports/customers")
                .file(file("empty.csv", new byte[0]))
                .with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"));
    mvc.perform(
            multipart("/api/v1/imports/customers")
                .file(file("a.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "true")
                .with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("mapping"));
    mvc.perform(
            multipart("/api/v1/imports/customers")
                .file(file("a.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)))
                .param("mapping", "{\"name\":\"nope\"}")
                .with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("mapping"));
  }

  @Test
  void agentsCannotImport() throws Exception {
    String agent = CustomerFixtures.user(mvc, "AGENT", CustomerFixtures.team(mvc));
    mvc.perform(
            multipart("/api/v1/imports/customers")
                .file(file("a.csv", "姓名\n张\n".getBytes(StandardCharsets.UTF_8)))
                .with(as(agent)))
        .andExpect(status().isForbidden());
  }

  @Test
  void thePagesUploadMapCheckAndImport() throws Exception {
    String ext = "P" + UUID.randomUUID().toString().substring(0, 8);
    byte[] content =
        "姓名,手机,外部编号\n陈二,%s,%s\n"
            .formatted(CustomerFixtures.phone(), ext)
            .getBytes(StandardCharsets.UTF_8);
    String location =
        mvc.perform(
                multipart("/customers/imports")
                    .file(file("page.csv", content))
                    .with(signedInAdmin())
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    mvc.perform(get(location).with(signedInAdmin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"importMapping\"")))
        .andExpect(content().string(containsString("陈二")));
    mvc.perform(
            post(location + "/mapping")
                .param("map.name", "姓名")
                .param("map.phone", "手机")
                .param("map.externalId", "外部编号")
                .param("check", "1")
                .with(signedInAdmin())
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    awaitStatus(id, "CHECKED");
    mvc.perform(get(location).with(signedInAdmin()))
        .andExpect(content().string(containsString("id=\"runImport\"")));
    mvc.perform(post(location + "/run").with(signedInAdmin()).with(csrf()))
        .andExpect(status().is3xxRedirection());
    awaitStatus(id, "COMPLETED");
    mvc.perform(get(location).with(signedInAdmin()))
        .andExpect(content().string(containsString("id=\"rollbackImport\"")));
    mvc.perform(get(location + "/progress").with(signedInAdmin()).header("HX-Request", "true"))
        .andExpect(header().string("HX-Refresh", "true"));
    mvc.perform(get("/customers/imports").with(signedInAdmin()))
        .andExpect(content().string(containsString("page.csv")));
    assertThat(countExternal(ext)).isEqualTo(1);
  }

  private void awaitStatus(UUID id, String expected) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                expected.equals(
                    jdbc.sql("SELECT status FROM customer_import WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single()));
  }

  private String runImport(byte[] content) throws Exception {
    String started =
        mvc.perform(
                multipart("/api/v1/imports/customers")
                    .file(file("customers.xlsx", content))
                    .with(admin()))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID job = UUID.fromString(JsonPath.read(started, "$.jobId"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> jobs.find(job).orElseThrow().status().finished());
    return job.toString();
  }

  private String importIdOf(String job) {
    return jdbc.sql("SELECT id FROM customer_import WHERE job_id = ?")
        .param(UUID.fromString(job))
        .query(UUID.class)
        .single()
        .toString();
  }

  private long countExternal(String prefix) {
    return jdbc.sql("SELECT COUNT(*) FROM customer WHERE external_id LIKE ?")
        .param(prefix + "%")
        .query(Long.class)
        .single();
  }
}
