package org.manyi.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.hasItem;
import static org.manyi.TestUsers.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class SatisfactionEstimateApiIntegrationTests {

  private static final String URL = "/api/v1/satisfaction-models/estimate";
  private static final double SMARTPLS = 1e-6;

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;

  private ResultActions post(byte[] data, String spec) throws Exception {
    return mvc.perform(
        multipart(URL)
            .file(new MockMultipartFile("data", "data.csv", "text/csv", data))
            .file(
                new MockMultipartFile(
                    "spec",
                    "",
                    MediaType.APPLICATION_JSON_VALUE,
                    spec.getBytes(StandardCharsets.UTF_8)))
            .with(admin()));
  }

  private static double path(JsonNode result, String from, String to) {
    for (JsonNode p : result.get("pathCoefficients")) {
      if (p.get("from").asString().equals(from) && p.get("to").asString().equals(to)) {
        return p.get("estimate").asDouble();
      }
    }
    throw new AssertionError("no path " + from + " -> " + to);
  }

  @Test
  void reproducesSmartPlsOnTheMobiDataWithTheEcsiModel() throws Exception {
    byte[] mobi = SurveyData.mobi();
    long start = System.nanoTime();
    String body =
        post(mobi, SurveyData.ECSI_SPEC)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.n").value(250))
            .andExpect(jsonPath("$.casesDropped").value(0))
            .andExpect(jsonPath("$.converged").value(true))
            .andReturn()
            .getResponse()
            .getContentAsString();
    long millis = (System.nanoTime() - start) / 1_000_000;
    JsonNode result = json.readTree(body);
    assertThat(path(result, "CUSA", "CUSL")).isCloseTo(0.48547762, within(SMARTPLS));
    assertThat(path(result, "IMAG", "CUEX")).isCloseTo(0.50491393, within(SMARTPLS));
    assertThat(path(result, "PERQ", "CUSA")).isCloseTo(0.51202394, within(SMARTPLS));
    assertThat(result.get("pathCoefficients")).hasSize(12);
    assertThat(result.get("outerWeights").size()).isEqualTo(24);
    assertThat(result.get("loadings").size()).isEqualTo(24);
    assertThat(result.get("rSquared").get("CUSA").asDouble()).isBetween(0.0, 1.0);
    assertThat(result.get("gof").asDouble()).isBetween(0.0, 1.0);
    assertThat(result.get("reliability").get("CUSA").get("ave").asDouble()).isBetween(0.0, 1.0);
    // no scale given: the observed 1–10 range, reported as inferred
    assertThat(result.get("scale").get("inferred").asBoolean()).isTrue();
    assertThat(result.get("index").get("CUSA").asDouble()).isBetween(0.0, 100.0);
    System.out.printf("ECSI on mobi (250 × 24) estimated over HTTP in %d ms%n", millis);
  }

  @Test
  void bootstrapsSmallRequestsSynchronouslyWithIntervals() throws Exception {
    String spec = SurveyData.ECSI_SPEC.replace("\"bootstrap\":0", "\"bootstrap\":20");
    String body =
        post(SurveyData.synthetic(300, 1), spec)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.bootstrap.resamples").value(20))
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode first = json.readTree(body).get("pathCoefficients").get(0);
    assertThat(first.get("ciLow").asDouble()).isLessThan(first.get("ciHigh").asDouble());
    JsonNode result = json.readTree(body);
    double index = result.get("index").get("CUSA").asDouble();
    JsonNode interval = result.get("bootstrap").get("index").get("CUSA");
    assertThat(interval.get("low").asDouble()).isLessThan(index);
    assertThat(interval.get("high").asDouble()).isGreaterThan(index);
    assertThat(interval.get("standardError").asDouble()).isPositive();
  }

  @Test
  void largeBootstrapRunsBecomeABackgroundJob() throws Exception {
    String spec = SurveyData.ECSI_SPEC.replace("\"bootstrap\":0", "\"bootstrap\":1000");
    post(SurveyData.synthetic(300, 2), spec)
        .andExpect(status().isAccepted())
        .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/jobs/")))
        .andExpect(jsonPath("$.jobId").isNotEmpty());
  }

  @Test
  void anUnknownItemIsNamedOnItsBlock() throws Exception {
    String spec = SurveyData.ECSI_SPEC.replace("\"IMAG5\"", "\"IMAG9\"");
    post(SurveyData.synthetic(120, 3), spec)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("spec.blocks.IMAG")));
  }

  @Test
  void aCycleIsRejectedOnThePaths() throws Exception {
    String spec = SurveyData.ECSI_SPEC.replace("[\"CUSCO\",\"CUSL\"]", "[\"CUSL\",\"IMAG\"]");
    post(SurveyData.synthetic(120, 4), spec)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.startsWith("spec.")));
  }

  @Test
  void anEmptyBlockIsNamed() throws Exception {
    String spec = SurveyData.ECSI_SPEC.replace("\"PERV\":[\"PERV1\",\"PERV2\"]", "\"PERV\":[]");
    post(SurveyData.synthetic(120, 5), spec)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("spec.blocks.PERV"));
  }

  @Test
  void aNonNumericCellIsReportedOnTheData() throws Exception {
    String csv =
        new String(SurveyData.synthetic(120, 6), StandardCharsets.UTF_8)
            .replaceFirst("\n(\\d+),", "\nvery good,");
    post(csv.getBytes(StandardCharsets.UTF_8), SurveyData.ECSI_SPEC)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("data"));
  }

  @Test
  void malformedAndEmptyCsvFilesAreReportedOnTheData() throws Exception {
    post("CUEX1,CUEX2\n1,2,3\n".getBytes(StandardCharsets.UTF_8), SurveyData.ECSI_SPEC)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("data"));
    post("CUEX1,CUEX2\n".getBytes(StandardCharsets.UTF_8), SurveyData.ECSI_SPEC)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("data"));
  }

  @Test
  void aBadEnumIsNamed() throws Exception {
    String spec = SurveyData.ECSI_SPEC.replace("\"PATH\"", "\"SIDEWAYS\"");
    post(SurveyData.synthetic(120, 7), spec)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("spec.scheme"));
  }

  @Test
  void malformedJsonAndMissingPartsAreNamed() throws Exception {
    post(SurveyData.synthetic(50, 8), "{\"blocks\":")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.startsWith("spec")));
    mvc.perform(
            multipart(URL)
                .file(
                    new MockMultipartFile("data", "d.csv", "text/csv", SurveyData.synthetic(50, 8)))
                .with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("spec"));
    mvc.perform(multipart(URL).param("spec", SurveyData.ECSI_SPEC).with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("data"));
  }

  @Test
  void tooManyResamplesAreRefused() throws Exception {
    String spec = SurveyData.ECSI_SPEC.replace("\"bootstrap\":0", "\"bootstrap\":100000");
    post(SurveyData.synthetic(50, 9), spec)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("spec.bootstrap"));
  }

  @Test
  void rolesWithoutThePermissionAreForbidden() throws Exception {
    String agent = TestUsers.create(mvc, "AGENT");
    mvc.perform(
            multipart(URL)
                .file(
                    new MockMultipartFile(
                        "data", "d.csv", "text/csv", SurveyData.synthetic(50, 10)))
                .param("spec", SurveyData.ECSI_SPEC)
                .with(TestUsers.as(agent)))
        .andExpect(status().isForbidden());
  }
}
