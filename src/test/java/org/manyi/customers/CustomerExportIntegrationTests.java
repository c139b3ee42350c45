package org.manyi.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.manyi.TestUsers.admin;
import static org.manyi.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class CustomerExportIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  private String create(String json) throws Exception {
    return com.jayway.jsonpath.JsonPath.read(
        mvc.perform(
                post("/api/v1/customers")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }

  private byte[] download(MockHttpServletRequestBuilder request) throws Exception {
    MvcResult started = mvc.perform(request).andExpect(request().asyncStarted()).andReturn();
    return mvc.perform(asyncDispatch(started))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  @Test
  void exportsTheFilteredListWithFormulasEscapedAndAuditsEachCustomer() throws Exception {
    String tag = "exp" + UUID.randomUUID().toString().substring(0, 6);
    String phone = CustomerFixtures.phone();
    String id =
        create(
            "{\"name\":\"=HYPERLINK(\\\"http://x\\\")\",\"phone\":\"%s\",\"tags\":[\"%s\"]}"
                .formatted(phone, tag));
    create("{\"name\":\"不导出\",\"phone\":\"%s\"}".formatted(CustomerFixtures.phone()));

    String csv =
        new String(
            download(
                get("/api/v1/customers/export")
                    .param("format", "csv")
                    .param("tag", tag)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                    .with(admin())),
            StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF姓名,");
    assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(csv).contains(phone);
    assertThat(csv).doesNotContain("不导出");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM customer_audit WHERE customer_id = ? AND action ="
                        + " 'EXPORTED'")
                .param(UUID.fromString(id))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anExportedWorkbookImportsAgainWithoutChanges() throws Exception {
    String tag = "rt" + UUID.randomUUID().toString().substring(0, 6);
    create(
        ("{\"name\":\"往返\",\"phone\":\"%s\",\"gender\":\"FEMALE\",\"birthday\":\"1990-03-04\","
                + "\"city\":\"成都\",\"source\":\"JD\",\"externalId\":\"%s\",\"tags\":[\"%s\"]}")
            .formatted(CustomerFixtures.phone(), tag, tag));
    byte[] xlsx =
        download(
            get("/api/v1/customers/export")
                .param("format", "xlsx")
                .param("tag", tag)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .with(admin()));
    mvc.perform(
            multipart("/api/v1/imports/customers")
                .file(
                    new MockMultipartFile("file", "export.xlsx", "application/octet-stream", xlsx))
                .param("dryRun", "true")
                .with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rows").value(1))
        .andExpect(jsonPath("$.rejected").value(0))
        .andExpect(jsonPath("$.unchanged").value(1));
  }

  @Test
  void exportNeedsItsOwnPermissionAndAKnownFormat() throws Exception {
    String agent = CustomerFixtures.user(mvc, "AGENT", CustomerFixtures.team(mvc));
    mvc.perform(get("/api/v1/customers/export").with(as(agent))).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/customers/export").param("format", "pdf").with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("format"));
  }
}
