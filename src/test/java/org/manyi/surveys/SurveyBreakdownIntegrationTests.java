package org.manyi.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.manyi.TestUsers.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.platform.Jobs;
import org.manyi.platform.TabularWriter;
import org.manyi.surveys.internal.ScoreRollups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Breakdowns by the customer's attributes, value and post-stratification weights with Kish's n_eff,
 * value-tier strata and XLSX imports, on the raw answers and after the daily rollup.
 */
@IntegrationTest
class SurveyBreakdownIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ScoreRollups rollups;
  @Autowired Jobs jobs;
  @Autowired UserDetailsService userDetails;

  private String customer(String name, String city, String externalId) throws Exception {
    return JsonPath.read(
        mvc.perform(
                post("/api/v1/customers?allowDuplicate=true")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"name\":\"%s\",\"city\":\"%s\",\"externalId\":\"%s\"}"
                            .formatted(name, city, externalId)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }

  private void order(String customer, String category, int amount) throws Exception {
    LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(5);
    mvc.perform(
            post("/api/v1/orders")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    ("{\"externalId\":\"BD-%s\",\"customerId\":\"%s\",\"orderedAt\":\"%sT12:00:00+08:00\","
                            + "\"channel\":\"STORE\",\"items\":[{\"sku\":\"B\",\"name\":\"商品\","
                            + "\"category\":\"%s\",\"quantity\":1,\"unitPrice\":%d}]}")
                        .formatted(UUID.randomUUID(), customer, day, category, amount)))
        .andExpect(status().isCreated());
  }

  private void answer(String survey, String customer, int nps) throws Exception {
    String token =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/surveys/" + survey + "/invitations")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerIds\":[\"" + customer + "\"],\"channel\":\"LINK\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.items[0].token");
    respond(token, nps);
  }

  private void respond(String token, int nps) throws Exception {
    mvc.perform(
            post("/api/v1/public/responses/" + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\":{\"nps\":" + nps + "}}"))
        .andExpect(status().isCreated());
  }

  private String metrics(String query) throws Exception {
    return mvc.perform(get("/api/v1/metrics/" + query).with(admin()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void npsBreaksDownByCityValueTierAndCategoryTheSameBeforeAndAfterTheRollup() throws Exception {
    String survey = SurveyFixtures.openSurvey(mvc, "细分");
    String cityA = SurveyFixtures.city();
    String cityB = SurveyFixtures.city();
    String rich = customer("细分高价值", cityA, "BD-" + UUID.randomUUID());
    String none = customer("细分未购买", cityA, "BD-" + UUID.randomUUID());
    String low = customer("细分低价值", cityB, "BD-" + UUID.randomUUID());
    order(rich, "护肤", 6000);
    order(low, "彩妆", 200);
    answer(survey, rich, 10);
    answer(survey, none, 3);
    answer(survey, low, 8);
    String anonymous =
        JsonPath.<String>read(
                mvc.perform(get("/api/v1/surveys/" + survey).with(admin()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(),
                "$.url")
            .replaceAll(".*/", "");
    respond(anonymous, 9);

    String byCity = metrics("nps?groupBy=city&surveyId=" + survey);
    assertThat(JsonPath.<List<Object>>read(byCity, "$[?(@.value == '" + cityA + "')].n"))
        .containsExactly(2);
    assertThat(JsonPath.<List<Object>>read(byCity, "$[?(@.value == '" + cityA + "')].nps"))
        .containsExactly(0.0);
    assertThat(JsonPath.<List<Object>>read(byCity, "$[?(@.value == '" + cityB + "')].passives"))
        .containsExactly(1);
    assertThat(JsonPath.<List<Object>>read(byCity, "$[?(@.value == null)].group"))
        .containsExactly("—");
    assertThat(JsonPath.<List<Object>>read(byCity, "$[*].smallSample")).containsOnly(true);

    String byTier = metrics("nps?groupBy=value_tier&surveyId=" + survey);
    assertThat(JsonPath.<List<Object>>read(byTier, "$[?(@.value == 'HIGH')].nps"))
        .containsExactly(100.0);
    assertThat(JsonPath.<List<Object>>read(byTier, "$[?(@.value == 'LOW')].n")).containsExactly(1);
    assertThat(JsonPath.<List<Object>>read(byTier, "$[?(@.value == 'NONE')].detractors"))
        .containsExactly(1);
    String byCategory = metrics("nps?groupBy=category&surveyId=" + survey);
    assertThat(JsonPath.<List<Object>>read(byCategory, "$[?(@.value == '护肤')].promoters"))
        .containsExactly(1);
    assertThat(JsonPath.<List<Object>>read(byCategory, "$[?(@.value == null)].n"))
        .containsExactly(2);
    String byOwner = metrics("nps?groupBy=owner&surveyId=" + survey);
    assertThat(JsonPath.<List<Object>>read(byOwner, "$[*].n").stream().mapToInt(n -> (int) n).sum())
        .isEqualTo(4);
    String byStage = metrics("nps?groupBy=month,stage&surveyId=" + survey);
    assertThat(JsonPath.<List<Object>>read(byStage, "$[*].n").stream().mapToInt(n -> (int) n).sum())
        .isEqualTo(4);
    assertThat(JsonPath.<List<Object>>read(byStage, "$[*].period")).doesNotContainNull();

    // value weights: 6000 (promoter), 0 (no purchases), 200 (passive), 0 (anonymous)
    // Σw = 6200, Σw² = 36,040,000, n_eff = 6200² / 36,040,000 = 1.066593; NPS = 6000/6200 = 96.77
    String weighted = metrics("nps?surveyId=" + survey + "&weight=value");
    assertThat(JsonPath.<Double>read(weighted, "$[0].weighted.nEff"))
        .isCloseTo(1.066593, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(JsonPath.<Double>read(weighted, "$[0].weighted.nps"))
        .isCloseTo(96.7742, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(JsonPath.<Boolean>read(weighted, "$[0].weighted.smallSample")).isTrue();
    assertThat(JsonPath.<Integer>read(weighted, "$[0].n")).isEqualTo(4);

    // the rollup gives the very same answers, and is incremental: a second run adds nothing
    rollups.rollUpAll();
    assertThat(metrics("nps?groupBy=city&surveyId=" + survey)).isEqualTo(byCity);
    assertThat(metrics("nps?groupBy=value_tier&surveyId=" + survey)).isEqualTo(byTier);
    assertThat(metrics("nps?surveyId=" + survey + "&weight=value")).isEqualTo(weighted);
    rollups.rollUpAll();
    assertThat(metrics("nps?groupBy=city&surveyId=" + survey)).isEqualTo(byCity);
    // an answer after the run is added from the raw rows until the next one
    String late = customer("细分后来", cityB, "BD-" + UUID.randomUUID());
    answer(survey, late, 10);
    String after = metrics("nps?groupBy=city&surveyId=" + survey);
    assertThat(JsonPath.<List<Object>>read(after, "$[?(@.value == '" + cityB + "')].n"))
        .containsExactly(2);
    rollups.rollUpAll();
    assertThat(metrics("nps?groupBy=city&surveyId=" + survey)).isEqualTo(after);
    // a rebuild by the database (used after large imports) gives the same rollup
    String tiers = metrics("nps?groupBy=value_tier&surveyId=" + survey);
    String tierMonths =
        metrics("nps?groupBy=month,value_tier&surveyId=" + survey + "&weight=value");
    rollups.rebuild();
    assertThat(metrics("nps?groupBy=city&surveyId=" + survey)).isEqualTo(after);
    assertThat(metrics("nps?groupBy=month,value_tier&surveyId=" + survey + "&weight=value"))
        .isEqualTo(tierMonths)
        .contains("\"nEff\"");
    assertThat(metrics("nps?groupBy=value_tier&surveyId=" + survey)).isEqualTo(tiers);

    // the survey page and the dashboard show the breakdown with its warnings
    mvc.perform(
            get("/surveys/" + survey + "?breakdown=value_tier&weight=value")
                .with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"breakdownTable\"")))
        .andExpect(content().string(containsString("data-group=\"HIGH\"")))
        .andExpect(content().string(containsString("small-sample")));
    mvc.perform(
            get("/surveys/dashboard?surveyId=" + survey + "&breakdown=city")
                .with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-group=\"" + cityA + "\"")));
  }

  @Test
  void postStratificationWeighsEachCityByItsShareOfTheCustomerBase() throws Exception {
    String survey = SurveyFixtures.openSurvey(mvc, "事后分层");
    String cityA = SurveyFixtures.city();
    String cityB = SurveyFixtures.city();
    String a1 = customer("分层甲一", cityA, "PS-" + UUID.randomUUID());
    customer("分层甲二", cityA, "PS-" + UUID.randomUUID());
    customer("分层甲三", cityA, "PS-" + UUID.randomUUID());
    String b1 = customer("分层乙一", cityB, "PS-" + UUID.randomUUID());
    answer(survey, a1, 10);
    answer(survey, b1, 0);
    // city A is 3 of the 4 customers of the two cities and B 1, but each gave one answer:
    // w_A = 3/4 * 2 / 1 = 1.5, w_B = 1/4 * 2 / 1 = 0.5; weighted NPS = (1.5 - 0.5) / 2 = 50,
    // n_eff = 2² / (1.5² + 0.5²) = 1.6; unweighted NPS 0
    String weighted = metrics("nps?surveyId=" + survey + "&weight=city");
    assertThat(JsonPath.<Double>read(weighted, "$[0].nps")).isEqualTo(0.0);
    assertThat(JsonPath.<Double>read(weighted, "$[0].weighted.nps"))
        .isCloseTo(50.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(JsonPath.<Double>read(weighted, "$[0].weighted.nEff"))
        .isCloseTo(1.6, org.assertj.core.data.Offset.offset(1e-9));
    rollups.rollUpAll();
    assertThat(metrics("nps?surveyId=" + survey + "&weight=city")).isEqualTo(weighted);
    // within a city every answer weighs the same
    mvc.perform(
            get("/api/v1/metrics/nps?groupBy=city&weight=city&surveyId=" + survey).with(admin()))
        .andExpect(jsonPath("$[0].weighted.nEff").value(closeTo(1.0, 1e-9)));
    mvc.perform(get("/api/v1/metrics/csat?weight=value_tier&surveyId=" + survey).with(admin()))
        .andExpect(status().isOk());
  }

  @Test
  void badGroupingsAndWeightsNameTheirField() throws Exception {
    mvc.perform(get("/api/v1/metrics/nps?groupBy=city,stage").with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("groupBy"));
    mvc.perform(get("/api/v1/metrics/nps?weight=heavy").with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("weight"));
    mvc.perform(get("/api/v1/metrics/ces?groupBy=owner&weight=city").with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("weight"));
  }

  @Test
  void aStratifiedSampleByValueTierTakesEachTiersShare() throws Exception {
    String survey = SurveyFixtures.openSurvey(mvc, "价值分层");
    String city = SurveyFixtures.city();
    StringBuilder ids = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      String c = customer("价值分层" + i, city, "VT-" + UUID.randomUUID());
      if (i < 2) {
        order(c, "家电", 8000);
      }
      ids.append(i == 0 ? "" : ",").append('"').append(c).append('"');
    }
    mvc.perform(
            post("/api/v1/surveys/" + survey + "/invitations/preview")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"channel":"LINK","customerIds":[%s],"sample":"STRATIFIED","sampleSize":3,
                     "stratifyBy":"VALUE_TIER"}
                    """
                        .formatted(ids)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.selected").value(3))
        .andExpect(jsonPath("$.allocation.HIGH").value(1))
        .andExpect(jsonPath("$.allocation.NONE").value(2))
        .andExpect(jsonPath("$.strata.HIGH").value(2))
        .andExpect(jsonPath("$.strata.NONE").value(4));
    mvc.perform(
            post("/surveys/" + survey + "/invitations/preview")
                .with(user(userDetails.loadUserByUsername("admin")))
                .with(csrf())
                .header("HX-Request", "true")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .param("channel", "LINK")
                .param("customerIds", ids.toString().replace("\"", ""))
                .param("sample", "STRATIFIED")
                .param("sampleSize", "3")
                .param("stratifyBy", "VALUE_TIER")
                .param("expiresInDays", "30"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("高价值")))
        .andExpect(content().string(containsString("从 4 人中抽取 2 人")));
    mvc.perform(
            get("/surveys/" + survey + "/invitations")
                .with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("value=\"VALUE_TIER\"")));
  }

  @Test
  void anXlsxImportLinksRowsToCustomersByExternalId() throws Exception {
    String survey = SurveyFixtures.openSurvey(mvc, "XLSX 导入");
    String city = SurveyFixtures.city();
    String external = "XL-" + UUID.randomUUID();
    customer("表格客户", city, external);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TabularWriter xlsx = TabularWriter.open(TabularWriter.Format.XLSX, bytes)) {
      xlsx.row(List.of("date", "channel", "customer", "nps", "reason"));
      xlsx.row(List.of("2025-03-02", "phone", external, "9", "很好"));
      xlsx.row(List.of("2025-03-05", "store", "", "4", "太慢"));
      xlsx.row(List.of("2025-03-06", "store", "NOBODY-" + UUID.randomUUID(), "7", ""));
      xlsx.row(List.of("2025-03-07", "web", external, "12", ""));
    }
    String started =
        mvc.perform(
                multipart("/api/v1/imports/survey-responses")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "history.xlsx",
                            TabularWriter.Format.XLSX.mediaType(),
                            bytes.toByteArray()))
                    .param("surveyId", survey)
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
        .andExpect(jsonPath("$.result.rows").value(4))
        .andExpect(jsonPath("$.result.imported").value(2))
        .andExpect(jsonPath("$.result.rejected").value(2))
        .andExpect(jsonPath("$.result.errors[?(@.line == 5)].field").value("answers.nps"))
        .andExpect(jsonPath("$.result.errors[?(@.line == 4)].field").value("customer"));
    String byCity = metrics("nps?groupBy=city&surveyId=" + survey);
    assertThat(JsonPath.<List<Object>>read(byCity, "$[?(@.value == '" + city + "')].promoters"))
        .containsExactly(1);
    assertThat(JsonPath.<List<Object>>read(byCity, "$[?(@.value == null)].detractors"))
        .containsExactly(1);
  }
}
