package org.manyi.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.manyi.TestUsers.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerStages;
import org.manyi.customers.LifecycleStage;
import org.manyi.satisfaction.internal.ModelRuns;
import org.manyi.satisfaction.internal.PdfFonts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * A run on a survey's answers narrowed to a customer segment: lifecycle stage and city from the
 * customers module, RFM segment from the value module. 60 responses come from an active customer in
 * one city, 30 from a prospect in another, 20 are anonymous.
 */
@IntegrationTest
class SatisfactionSegmentIntegrationTests {

  private static final String[][] BLOCKS = {
    {"IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5"},
    {"CUEX1", "CUEX2", "CUEX3"},
    {"PERQ1", "PERQ2", "PERQ3", "PERQ4", "PERQ5", "PERQ6", "PERQ7"},
    {"PERV1", "PERV2"},
    {"CUSA1", "CUSA2", "CUSA3"},
    {"CUSCO"},
    {"CUSL1", "CUSL2", "CUSL3"}
  };

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService userDetails;
  @Autowired CustomerStages stages;
  @Autowired JdbcClient jdbc;
  @Autowired ModelRuns runs;
  @Autowired PdfFonts pdfFonts;

  // set up once for the class: 110 responses through the public endpoint take a while
  private static String surveyId;
  private static String modelId;
  private static String city;

  @BeforeEach
  void surveyAnsweredByTwoCustomersAndAnonymously() throws Exception {
    if (surveyId != null) {
      return;
    }
    city = "满意市" + UUID.randomUUID().toString().substring(0, 6);
    String created =
        mvc.perform(
                post("/api/v1/surveys")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"ECSI 细分\",\"template\":\"ECSI\"}"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    surveyId = JsonPath.read(created, "$.id");
    String url = JsonPath.read(created, "$.url");
    String token = url.substring(url.lastIndexOf('/') + 1);
    mvc.perform(
        patch("/api/v1/surveys/" + surveyId)
            .with(admin())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"status\":\"ACTIVE\"}"));
    String active = customer("活跃客户", city);
    String prospect = customer("潜在客户", "别的市" + city);
    stages.move(
        new CustomerId(UUID.fromString(active)), LifecycleStage.ACTIVE, "test", Instant.now());

    Random random = new Random(21);
    List<UUID> responses = new ArrayList<>();
    for (int r = 0; r < 110; r++) {
      String body =
          mvc.perform(
                  post("/api/v1/public/responses/" + token)
                      .contentType(MediaType.APPLICATION_JSON)
                      .content("{\"answers\":" + answers(random) + "}")
                      .with(from("10.91." + (r / 200) + "." + (r % 200))))
              .andExpect(status().isCreated())
              .andReturn()
              .getResponse()
              .getContentAsString();
      responses.add(responseId(body));
    }
    // the invitation flow links a response to its customer; linking directly keeps the set-up short
    for (int r = 0; r < 90; r++) {
      jdbc.sql("UPDATE survey_response SET customer_id = ? WHERE id = ?")
          .params(UUID.fromString(r < 60 ? active : prospect), responses.get(r))
          .update();
    }
    jdbc.sql(
            "INSERT INTO rfm_score (customer_id, run_id, recency_days, frequency, monetary, r, f,"
                + " m, segment) VALUES (?, ?, 3, 9, 5000, 5, 5, 5, 'CHAMPIONS')")
        .params(UUID.fromString(active), UUID.randomUUID())
        .update();

    String models =
        mvc.perform(get("/api/v1/satisfaction-models?size=500").with(admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    modelId =
        JsonPath.<net.minidev.json.JSONArray>read(models, "$.items[?(@.template == 'ECSI')].id")
            .get(0)
            .toString();
  }

  @Test
  void narrowsTheRespondentsByStageCityAndRfmSegment() throws Exception {
    assertThat(finishedRun(runRequest())).contains("\"n\":110");

    String byCity = finishedRun(runRequest().param("city", city));
    assertThat(byCity).contains("\"n\":60");
    assertThat(JsonPath.<String>read(byCity, "$.data.filter.city")).isEqualTo(city);

    assertThat(finishedRun(runRequest().param("stages", "ACTIVE", "WON_BACK")))
        .contains("\"n\":60");
    assertThat(finishedRun(runRequest().param("stages", "PROSPECT").param("city", "别的市" + city)))
        .contains("\"n\":30");
    String champions = finishedRun(runRequest().param("segment", "CHAMPIONS"));
    assertThat(champions).contains("\"n\":60");
    assertThat(JsonPath.<String>read(champions, "$.data.filter.segment")).isEqualTo("CHAMPIONS");
  }

  @Test
  void refusesAnEmptySelectionAndAnUnknownSegment() throws Exception {
    mvc.perform(
            runRequest()
                .param("stages", "LOST")
                .param("city", city)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("surveyId"));
    mvc.perform(runRequest().param("segment", "VIP_GOLD"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("segment"));
    mvc.perform(
            multipart("/api/v1/satisfaction-models/" + modelId + "/runs")
                .param("city", city)
                .with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("surveyId"));
  }

  @Test
  void theRunFormOffersTheSegmentAndTheRunPageShowsIt() throws Exception {
    mvc.perform(
            get("/satisfaction/models/" + modelId + "/run")
                .with(user(userDetails.loadUserByUsername("admin")))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"stages\"")))
        .andExpect(content().string(containsString("name=\"city\"")))
        .andExpect(content().string(containsString("value=\"CHAMPIONS\"")));
    String location =
        mvc.perform(
                multipart("/satisfaction/models/" + modelId + "/run")
                    .param("surveyId", surveyId)
                    .param("city", city)
                    .param("segment", "CHAMPIONS")
                    .param("bootstrap", "0")
                    .with(user(userDetails.loadUserByUsername("admin")))
                    .with(csrf()))
            .andExpect(redirectedUrlPattern("/satisfaction/runs/*"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String runId = location.substring(location.lastIndexOf('/') + 1);
    mvc.perform(
            get("/satisfaction/runs/" + runId)
                .with(user(userDetails.loadUserByUsername("admin")))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"run-filter\"")))
        .andExpect(content().string(containsString(city)));

    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> runs.get(UUID.fromString(runId)).status().finished());
    if (pdfFonts.chinese().isPresent()) {
      byte[] pdf =
          mvc.perform(
                  get("/satisfaction/runs/" + runId + "/export.pdf")
                      .with(user(userDetails.loadUserByUsername("admin")))
                      .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsByteArray();
      // the report names the respondents: the city and the RFM segment in the reader's language
      String text =
          new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(pdf))
              .getTextFromPage(1);
      assertThat(text).contains("受访者", city, "重要价值客户");
    }
  }

  private MockMultipartHttpServletRequestBuilder runRequest() {
    return multipart("/api/v1/satisfaction-models/" + modelId + "/runs")
        .param("surveyId", surveyId)
        .param("bootstrap", "0")
        .with(admin());
  }

  /** Starts the run and returns its JSON once it has succeeded. */
  private String finishedRun(MockMultipartHttpServletRequestBuilder request) throws Exception {
    String accepted =
        mvc.perform(request)
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String runId = JsonPath.read(accepted, "$.runId");
    String[] run = new String[1];
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              run[0] =
                  mvc.perform(
                          get("/api/v1/satisfaction-models/" + modelId + "/runs/" + runId)
                              .with(admin()))
                      .andReturn()
                      .getResponse()
                      .getContentAsString();
              String status = JsonPath.read(run[0], "$.status");
              if ("FAILED".equals(status)) {
                throw new AssertionError(run[0]);
              }
              return "SUCCEEDED".equals(status);
            });
    return run[0];
  }

  private String customer(String name, String customerCity) throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/customers")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"" + name + "\",\"city\":\"" + customerCity + "\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.id");
  }

  private static String answers(Random random) {
    double level = random.nextGaussian();
    StringBuilder answers = new StringBuilder("{");
    for (String[] block : BLOCKS) {
      double construct = 0.7 * level + 0.7 * random.nextGaussian();
      for (String item : block) {
        long score = Math.round(6 + 1.5 * (construct + 0.5 * random.nextGaussian()));
        answers
            .append(answers.length() > 1 ? "," : "")
            .append('"')
            .append(item)
            .append("\":")
            .append(Math.max(1, Math.min(10, score)));
      }
    }
    return answers.append('}').toString();
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor from(
      String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  private static UUID responseId(String body) {
    return UUID.fromString(JsonPath.read(body, "$.responseId"));
  }
}
