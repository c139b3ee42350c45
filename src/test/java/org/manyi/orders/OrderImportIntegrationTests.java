package org.manyi.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.manyi.TestUsers.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.platform.Jobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class OrderImportIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Jobs jobs;
  @Autowired JdbcClient jdbc;

  private MockMultipartFile file(String csv) {
    return new MockMultipartFile(
        "file", "orders.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void importsOrdersGroupedFromItemRowsOnceAndReportsBadOrdersByLine() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String phone = "139" + String.format("%08d", Math.abs(run.hashCode()) % 100_000_000);
    String csv =
        "订单号,下单时间,渠道,手机,姓名,商品编码,商品名称,品类,数量,单价,实付金额,订单状态\n"
            + "A%s-1,2026-11-11 20:15:00,TMALL,%s,导入买家,SKU1,保温杯,家居,2,59.00,118.00,已支付\n"
                .formatted(run, phone)
            + "A%s-2,2026/11/12 10:00,TMALL,%s,导入买家,SKU2,毛巾,家居,1,30,,已支付\n".formatted(run, phone)
            + "A%s-2,2026/11/12 10:00,TMALL,%s,导入买家,SKU3,牙刷,个护,3,10,,已支付\n".formatted(run, phone)
            + "A%s-3,明天,TMALL,%s,导入买家,SKU1,保温杯,家居,1,59,59,已支付\n".formatted(run, phone);

    mvc.perform(
            multipart("/api/v1/imports/orders")
                .file(file(csv))
                .param("dryRun", "true")
                .param("unknownCustomer", "CREATE")
                .with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rows").value(4))
        .andExpect(jsonPath("$.orders").value(3))
        .andExpect(jsonPath("$.created").value(2))
        .andExpect(jsonPath("$.rejected").value(1))
        .andExpect(jsonPath("$.problems[0].line").value(5))
        .andExpect(jsonPath("$.problems[0].field").value("orderedAt"));
    assertThat(orders(run)).isZero();

    for (int pass = 0; pass < 2; pass++) {
      String started =
          mvc.perform(
                  multipart("/api/v1/imports/orders")
                      .file(file(csv))
                      .param("unknownCustomer", "CREATE")
                      .with(admin()))
              .andExpect(status().isAccepted())
              .andReturn()
              .getResponse()
              .getContentAsString();
      UUID job = UUID.fromString(JsonPath.read(started, "$.jobId"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> jobs.find(job).orElseThrow().status().finished());
      mvc.perform(get("/api/v1/jobs/" + job).with(admin()))
          .andExpect(jsonPath("$.status").value("SUCCEEDED"))
          .andExpect(jsonPath("$.result.created").value(pass == 0 ? 2 : 0))
          .andExpect(jsonPath("$.result.unchanged").value(pass == 0 ? 0 : 2));
    }
    assertThat(orders(run)).isEqualTo(2);
    assertThat(
            jdbc.sql("SELECT total FROM orders WHERE external_id = ?")
                .param("A" + run + "-2")
                .query(java.math.BigDecimal.class)
                .single())
        .isEqualByComparingTo("60");
  }

  @Test
  void refusesAFileWithoutTheRequiredColumns() throws Exception {
    mvc.perform(
            multipart("/api/v1/imports/orders")
                .file(file("a,b\n1,2\n"))
                .param("dryRun", "true")
                .with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("mapping"));
    mvc.perform(
            multipart("/api/v1/imports/orders")
                .file(file("订单号,下单时间\nX,2026-01-01\n"))
                .param("unknownCustomer", "MAYBE")
                .with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("unknownCustomer"));
  }

  private long orders(String run) {
    return jdbc.sql("SELECT COUNT(*) FROM orders WHERE external_id LIKE ?")
        .param("A" + run + "%")
        .query(Long.class)
        .single();
  }

  @Autowired org.manyi.identity.internal.IdentityUserDetailsService userDetails;

  @Test
  void thePageChecksAFileThenImportsItAsAJob() throws Exception {
    var admin =
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .user(userDetails.loadUserByUsername("admin"));
    var csrf =
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .csrf();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String csv =
        "order id,order date,channel,phone,name,sku,quantity,price\n"
            + "P%s,2026-11-20,WEBSITE,13%09d,页面买家,SKU9,1,88\n"
                .formatted(run, Math.abs(run.hashCode()) % 1_000_000_000);
    String page =
        mvc.perform(get("/orders/imports").with(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("orderImportUpload");
    String checked =
        mvc.perform(
                multipart("/orders/imports")
                    .file(file(csv))
                    .param("unknownCustomer", "CREATE")
                    .with(admin)
                    .with(csrf))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(checked).contains("orderImportReport").contains("runOrderImport");
    java.util.regex.Matcher action =
        java.util.regex.Pattern.compile("/orders/imports/([0-9a-f-]{36})/run").matcher(checked);
    assertThat(action.find()).isTrue();
    String location =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/orders/imports/" + action.group(1) + "/run")
                    .param("unknownCustomer", "CREATE")
                    .with(admin)
                    .with(csrf))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    UUID job = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> jobs.find(job).orElseThrow().status().finished());
    assertThat(jobs.find(job).orElseThrow().messages()).anyMatch(m -> m.contains("created 1"));
    assertThat(orders(run)).isZero(); // the prefix of this test is P, not A
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM orders WHERE external_id = ?")
                .param("P" + run)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
