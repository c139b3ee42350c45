package org.manyi.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.manyi.TestUsers.admin;
import static org.manyi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.TestUsers;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerStages;
import org.manyi.customers.LifecycleStage;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.manyi.platform.Jobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ValueAnalyticsIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Jobs jobs;
  @Autowired CustomerStages stages;
  @Autowired IdentityUserDetailsService userDetails;

  private String customer(String name) throws Exception {
    return JsonPath.read(
        mvc.perform(
                post("/api/v1/customers?allowDuplicate=true")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"" + name + "\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }

  private void order(String customer, LocalDate day, int amount, String channel, String category)
      throws Exception {
    mvc.perform(
            post("/api/v1/orders")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    ("{\"externalId\":\"VA-%s\",\"customerId\":\"%s\",\"orderedAt\":\"%sT12:00:00+08:00\","
                            + "\"channel\":\"%s\",\"items\":[{\"sku\":\"V\",\"name\":\"货品\","
                            + "\"category\":\"%s\",\"quantity\":1,\"unitPrice\":%d}]}")
                        .formatted(UUID.randomUUID(), customer, day, channel, category, amount)))
        .andExpect(status().isCreated());
  }

  private void order(String customer, LocalDate day, int amount) throws Exception {
    order(customer, day, amount, "STORE", "茶叶");
  }

  private void awaitSuccess(String started) {
    UUID job = UUID.fromString(JsonPath.read(started, "$.jobId"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> jobs.find(job).orElseThrow().status().finished());
    assertThat(jobs.find(job).orElseThrow().status().name()).isEqualTo("SUCCEEDED");
  }

  private String defection(String customer, String json) throws Exception {
    return mvc.perform(
            post("/api/v1/customers/" + customer + "/defection")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void clusteringRunsAsAJobAndProfilesEveryCluster() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    List<String> regulars = List.of(customer("聚类 常客甲"), customer("聚类 常客乙"));
    List<String> onceOnly = List.of(customer("聚类 一次甲"), customer("聚类 一次乙"));
    for (String c : regulars) {
      for (int i = 1; i <= 8; i++) {
        order(c, today.minusDays(i * 7L), 800, "ONLINE", "茶具");
      }
    }
    for (String c : onceOnly) {
      order(c, today.minusDays(500), 30);
    }

    awaitSuccess(
        mvc.perform(
                post("/api/v1/analytics/clusters/runs")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"minK\":2,\"maxK\":4,\"seed\":7}"))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString());

    String clusters =
        mvc.perform(get("/api/v1/analytics/clusters").with(admin()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.run.seed").value(7))
            .andExpect(jsonPath("$.clusters[0].cluster").value(1))
            .andExpect(jsonPath("$.clusters[0].description", notNullValue()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    int k = JsonPath.read(clusters, "$.run.k");
    int customers = JsonPath.read(clusters, "$.run.customers");
    List<Integer> sizes = JsonPath.read(clusters, "$.clusters[*].profile.customers");
    List<Integer> tried = JsonPath.read(clusters, "$.silhouettes[*].k");
    assertThat(sizes).hasSize(k);
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(customers);
    assertThat(tried).contains(k).allMatch(t -> t >= 2 && t <= 4);

    // customers who behave identically always share a cluster
    int first = clusterOf(regulars.get(0));
    assertThat(clusterOf(regulars.get(1))).isEqualTo(first);
    assertThat(clusterOf(onceOnly.get(1))).isEqualTo(clusterOf(onceOnly.get(0)));

    mvc.perform(
            get("/analytics/clusters")
                .locale(java.util.Locale.SIMPLIFIED_CHINESE)
                .with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("clusterTable")))
        .andExpect(content().string(containsString("行为聚类")));
    mvc.perform(
            get("/customers/" + regulars.get(0) + "/value-extras")
                .header("HX-Request", "true")
                .with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("customerCluster")));
  }

  private int clusterOf(String customer) throws Exception {
    return JsonPath.read(
        mvc.perform(get("/api/v1/customers/" + customer + "/cluster").with(admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.cluster");
  }

  @Test
  void clusteringRefusesABadRangeNamingTheField() throws Exception {
    mvc.perform(
            post("/api/v1/analytics/clusters/runs")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"minK\":1}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("minK"));
    mvc.perform(
            post("/api/v1/analytics/clusters/runs")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"minK\":5,\"maxK\":3}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("maxK"));
    mvc.perform(
            post("/analytics/clusters/runs")
                .param("minK", "9")
                .param("maxK", "20")
                .with(csrf())
                .with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("clusterRunError")));
  }

  @Test
  void defectionsFeedTheParetoChartBreakdownsAndWinBackList() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String lost = customer("流失 甲");
    order(lost, today.minusDays(400), 900);
    String moved = customer("流失 乙");
    String cheaper = customer("流失 丙");
    String unknown = customer("流失 丁");

    stages.move(new CustomerId(UUID.fromString(lost)), LifecycleStage.LOST, "test", Instant.now());
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/v1/customers/" + lost + "/defections").with(admin()))
                    .andExpect(jsonPath("$[0].source").value("MARKED_LOST"))
                    .andExpect(jsonPath("$[0].kind").doesNotExist())
                    .andExpect(jsonPath("$[0].pastValue").value(900.0)));
    mvc.perform(
            get("/customers/" + lost + "/value-extras")
                .header("HX-Request", "true")
                .with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(content().string(containsString("customerDefection")));

    assertThat(defection(lost, "{\"kind\":\"SWITCHED_TO_COMPETITOR\",\"reasons\":[\"PRICE\"]}"))
        .contains("\"field\":\"competitor\"");
    assertThat(defection(lost, "{\"kind\":\"LEFT_CATEGORY\",\"reasons\":[]}"))
        .contains("\"field\":\"reasons\"");
    assertThat(defection(lost, "{\"reasons\":[\"PRICE\"]}")).contains("\"field\":\"kind\"");
    assertThat(defection(lost, "{\"kind\":\"LEFT_CATEGORY\",\"reasons\":[\"NOPE\"]}"))
        .contains("\"field\":\"reasons\"");
    assertThat(
            defection(
                lost,
                "{\"kind\":\"LEFT_CATEGORY\",\"reasons\":[\"PRICE\"],\"defectedOn\":\"2999-01-01\"}"))
        .contains("\"field\":\"defectedOn\"");

    String recorded =
        defection(
            lost,
            "{\"kind\":\"SWITCHED_TO_COMPETITOR\",\"reasons\":[\"PRICE\",\"SERVICE\"],"
                + "\"competitor\":\"竞品甲\",\"defectedOn\":\"2016-03-10\"}");
    assertThat((String) JsonPath.read(recorded, "$.source")).isEqualTo("MARKED_LOST");
    assertThat((List<String>) JsonPath.read(recorded, "$.reasons"))
        .containsExactly("PRICE", "SERVICE");
    defection(
        moved,
        "{\"kind\":\"LEFT_CATEGORY\",\"reasons\":[\"MOVED\"],\"defectedOn\":\"2016-03-12\"}");
    defection(
        cheaper,
        "{\"kind\":\"SWITCHED_TO_COMPETITOR\",\"reasons\":[\"PRICE\"],\"competitor\":\"竞品甲\","
            + "\"defectedOn\":\"2016-03-15\"}");
    defection(
        unknown, "{\"kind\":\"UNKNOWN\",\"reasons\":[\"PRICE\"],\"defectedOn\":\"2016-03-20\"}");
    mvc.perform(get("/api/v1/customers/" + moved + "/defections").with(admin()))
        .andExpect(jsonPath("$[0].source").value("INTERVIEW"));

    mvc.perform(
            get("/api/v1/analytics/defections/pareto?from=2016-03-01&to=2016-03-31")
                .locale(java.util.Locale.ENGLISH)
                .with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.defections").value(4))
        .andExpect(jsonPath("$.mentions").value(5))
        .andExpect(jsonPath("$.reasons[0].code").value("PRICE"))
        .andExpect(jsonPath("$.reasons[0].name").value("Price"))
        .andExpect(jsonPath("$.reasons[0].count").value(3))
        .andExpect(jsonPath("$.reasons[0].share").value(0.6))
        .andExpect(jsonPath("$.reasons[0].vital").value(true))
        .andExpect(jsonPath("$.reasons[1].code").value("SERVICE"))
        .andExpect(jsonPath("$.reasons[1].cumulativeShare").value(0.8))
        .andExpect(jsonPath("$.reasons[1].vital").value(true))
        .andExpect(jsonPath("$.reasons[2].code").value("MOVED"))
        .andExpect(jsonPath("$.reasons[2].vital").value(false))
        .andExpect(jsonPath("$.byKind.SWITCHED_TO_COMPETITOR").value(2))
        .andExpect(jsonPath("$.byKind.LEFT_CATEGORY").value(1))
        .andExpect(jsonPath("$.competitors[0].name").value("竞品甲"))
        .andExpect(jsonPath("$.competitors[0].defections").value(2));
    mvc.perform(
            get("/api/v1/analytics/defections/pareto?from=2016-04-01&to=2016-03-01").with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("from"));
    mvc.perform(get("/api/v1/analytics/defections/pareto?to=March").with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("to"));

    mvc.perform(
            get("/api/v1/analytics/defections/breakdown?by=stage&from=2016-03-01&to=2016-03-31")
                .with(admin()))
        .andExpect(jsonPath("$.groups[?(@.group == 'LOST')].defections").value(hasItem(1)))
        .andExpect(jsonPath("$.groups[?(@.group == 'LOST')].reasons.SERVICE").value(hasItem(1)));
    mvc.perform(
            get("/api/v1/analytics/defections/breakdown?by=segment&from=2016-03-01&to=2016-03-31")
                .with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.by").value("segment"));
    mvc.perform(get("/api/v1/analytics/defections/breakdown?by=city").with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("by"));

    String winBack =
        mvc.perform(get("/api/v1/analytics/defections/win-back?size=500").with(admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> order = JsonPath.read(winBack, "$.items[*].defection.customer.value");
    assertThat(order).contains(lost, moved, cheaper, unknown);
    // moving away is not worth a win-back call: it comes after the winnable ones
    assertThat(order.indexOf(moved)).isGreaterThan(order.indexOf(cheaper));
    assertThat(order.indexOf(lost)).isLessThan(order.indexOf(cheaper)); // spent more

    mvc.perform(
            get("/analytics/defections?from=2016-03-01&to=2016-03-31")
                .with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("paretoTable")))
        .andExpect(content().string(containsString("winBackTable")))
        .andExpect(content().string(containsString("竞品甲")));

    // buying again (the stage moves away from lost) takes the customer off the list
    stages.move(
        new CustomerId(UUID.fromString(lost)), LifecycleStage.WON_BACK, "test", Instant.now());
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/v1/customers/" + lost + "/defections").with(admin()))
                    .andExpect(jsonPath("$[0].wonBackAt", notNullValue())));
    mvc.perform(get("/api/v1/analytics/defections/win-back?size=500").with(admin()))
        .andExpect(jsonPath("$.items[*].defection.customer.value", not(hasItem(lost))));
  }

  @Test
  void theDefectionFormKeepsWhatWasTypedAndNamesTheProblem() throws Exception {
    String c = customer("流失 表单");
    var admin = user(userDetails.loadUserByUsername("admin"));
    mvc.perform(get("/customers/" + c + "/defection").with(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("defectionForm")));
    mvc.perform(
            post("/customers/" + c + "/defection")
                .param("reasons", "PRICE")
                .param("notes", "嫌贵")
                .with(csrf())
                .with(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("defectionError")))
        .andExpect(content().string(containsString("嫌贵")));
    mvc.perform(
            post("/customers/" + c + "/defection")
                .param("kind", "LEFT_CATEGORY")
                .param("reasons", "LIFE_CHANGE")
                .with(csrf())
                .with(admin))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/api/v1/customers/" + c + "/defections").with(admin()))
        .andExpect(jsonPath("$[0].reasons[0]").value("LIFE_CHANGE"));
  }

  @Test
  void theReasonTaxonomyIsEditableByThoseAllowed() throws Exception {
    String code = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    mvc.perform(
            put("/api/v1/analytics/defections/reasons/" + code)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"nameZh\":\"包装\",\"nameEn\":\"Packaging\",\"winnable\":true}"))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/analytics/defections/reasons").with(admin()))
        .andExpect(jsonPath("$[*].code", hasItem(code)));
    mvc.perform(
            put("/api/v1/analytics/defections/reasons/bad code")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"nameZh\":\"x\",\"nameEn\":\"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("code"));
    String analyst = TestUsers.create(mvc, "ANALYST");
    mvc.perform(
            put("/api/v1/analytics/defections/reasons/" + code)
                .with(as(analyst))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"nameZh\":\"包装\",\"nameEn\":\"Packaging\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/analytics/defections/reasons")
                .with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Packaging")));
  }

  @Test
  void cohortTableAndRatesMatchAHandCount() throws Exception {
    String x = customer("同期 X");
    String y = customer("同期 Y");
    String z = customer("同期 Z");
    order(x, LocalDate.of(2012, 1, 5), 10);
    order(x, LocalDate.of(2012, 2, 10), 10);
    order(x, LocalDate.of(2012, 3, 1), 10);
    order(y, LocalDate.of(2012, 1, 20), 10);
    order(y, LocalDate.of(2012, 3, 15), 10);
    order(z, LocalDate.of(2012, 2, 5), 10);

    mvc.perform(get("/api/v1/analytics/cohorts?from=2012-01&to=2012-03").with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.periods[0]").value("2012-01"))
        .andExpect(jsonPath("$.cohorts[0].customers").value(2))
        .andExpect(jsonPath("$.cohorts[0].active[0]").value(2))
        .andExpect(jsonPath("$.cohorts[0].active[1]").value(1))
        .andExpect(jsonPath("$.cohorts[0].active[2]").value(2))
        .andExpect(jsonPath("$.cohorts[0].retention[1]").value(0.5))
        .andExpect(jsonPath("$.cohorts[1].customers").value(1))
        .andExpect(jsonPath("$.cohorts[1].retention[1]").value(0.0))
        .andExpect(jsonPath("$.cohorts[2].customers").value(0))
        .andExpect(jsonPath("$.rates[0].retentionRate").doesNotExist())
        .andExpect(jsonPath("$.rates[1].active").value(2))
        .andExpect(jsonPath("$.rates[1].previousActive").value(2))
        .andExpect(jsonPath("$.rates[1].retained").value(1))
        .andExpect(jsonPath("$.rates[1].retentionRate").value(0.5))
        .andExpect(jsonPath("$.rates[2].defectionRate").value(0.5));
    mvc.perform(
            get("/api/v1/analytics/cohorts?from=2012-01&to=2012-03&period=QUARTER").with(admin()))
        .andExpect(jsonPath("$.periods[0]").value("2012-Q1"))
        .andExpect(jsonPath("$.cohorts[0].customers").value(3));

    mvc.perform(get("/api/v1/analytics/cohorts?from=2012-13").with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("from"));
    mvc.perform(get("/api/v1/analytics/cohorts?to=2999-01").with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("to"));
    mvc.perform(get("/api/v1/analytics/cohorts?from=2000-01&to=2012-01").with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("from"));
    mvc.perform(get("/api/v1/analytics/cohorts?period=WEEK").with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("period"));

    mvc.perform(
            get("/analytics/cohorts?from=2012-01&to=2012-03")
                .with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("cohortTable")))
        .andExpect(content().string(containsString("2012-02")));
  }

  @Test
  void segmentProfitabilityAddsUpToTheRfmRun() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String c = customer("盈利 甲");
    order(c, today.minusDays(5), 300);
    awaitSuccess(
        mvc.perform(
                post("/api/v1/analytics/rfm/runs")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{}"))
            .andReturn()
            .getResponse()
            .getContentAsString());

    String body =
        mvc.perform(get("/api/v1/analytics/segments/profitability").with(admin()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.segments.length()").value(11))
            .andExpect(jsonPath("$.segments[0].margin").doesNotExist())
            .andReturn()
            .getResponse()
            .getContentAsString();
    int runCustomers = JsonPath.read(body, "$.run.customers");
    List<Integer> perSegment = JsonPath.read(body, "$.segments[*].customers");
    assertThat(perSegment.stream().mapToInt(Integer::intValue).sum()).isEqualTo(runCustomers);

    mvc.perform(get("/analytics/profitability").with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("profitabilityTable")));
  }
}
