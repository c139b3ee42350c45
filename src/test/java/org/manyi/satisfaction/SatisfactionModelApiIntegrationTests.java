package org.manyi.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.manyi.TestUsers.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.TestUsers;
import org.manyi.platform.JobStatus;
import org.manyi.platform.Jobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class SatisfactionModelApiIntegrationTests {

  private static final String URL = "/api/v1/satisfaction-models";

  static final String CUSTOM =
      """
      {"name":"门店满意度","description":"Store survey",
       "constructs":[{"name":"QUAL","items":["Q1","Q2"]},{"name":"SAT","items":["S1","S2"]},
                     {"name":"LOY","items":["L1"],"mode":"A"}],
       "paths":[["QUAL","SAT"],["SAT","LOY"]],"scaleMin":1,"scaleMax":5,"target":"SAT"}
      """;

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired Jobs jobs;

  private JsonNode read(String body) {
    return json.readTree(body);
  }

  /** The id of a ready model, seeded at start-up. */
  UUID readyModel(String template) throws Exception {
    JsonNode page =
        read(
            mvc.perform(get(URL).param("size", "500").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    for (JsonNode m : page.get("items")) {
      if (template.equals(m.get("template").asString(null))) {
        return UUID.fromString(m.get("id").asString());
      }
    }
    throw new AssertionError("no ready model " + template);
  }

  @Test
  void readyModelsAreThereWithTheirStructure() throws Exception {
    mvc.perform(get(URL).with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].template", hasItems("ACSI", "ECSI", "CCSI")));
    mvc.perform(get(URL + "/" + readyModel("ECSI")).with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.constructs.length()").value(7))
        .andExpect(jsonPath("$.paths.length()").value(12))
        .andExpect(jsonPath("$.constructs[0].items[0]").value("IMAG1"))
        .andExpect(jsonPath("$.target").value("CUSA"));
  }

  @Test
  void createsRevisesAndDeletesAModel() throws Exception {
    String location =
        mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(CUSTOM).with(admin()))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.version").value(1))
            .andExpect(jsonPath("$.constructs[2].mode").value("A"))
            .andExpect(jsonPath("$.scheme").value("PATH"))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    mvc.perform(
            put(location)
                .contentType(MediaType.APPLICATION_JSON)
                .content(CUSTOM.replace("\"scaleMax\":5", "\"scaleMax\":7"))
                .with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(2))
        .andExpect(jsonPath("$.scaleMax").value(7.0));
    mvc.perform(delete(location).with(admin())).andExpect(status().isNoContent());
    mvc.perform(get(location).with(admin())).andExpect(status().isNotFound());
  }

  @Test
  void rejectsCyclesEmptyConstructsAndUnknownConstructsNamingFields() throws Exception {
    String invalid =
        """
        {"name":"","constructs":[{"name":"A","items":["a1"]},{"name":"B","items":[]},
                                 {"name":"C","items":["c1"]}],
         "paths":[["A","B"],["B","C"],["C","A"],["A","X"]]}
        """;
    mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(invalid).with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[*].field", hasItems("name", "constructs[1].items", "paths[3]")));
    String cycle =
        """
        {"name":"cycle","constructs":[{"name":"A","items":["a1"]},{"name":"B","items":["b1"]}],
         "paths":[["A","B"],["B","A"]]}
        """;
    mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(cycle).with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("paths")));
    mvc.perform(
            post(URL)
                .contentType(MediaType.APPLICATION_JSON)
                .content(CUSTOM.replace("\"A\"}", "\"Z\"}"))
                .with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("constructs[2].mode"));
  }

  @Test
  void unknownModelsAndRunsAre404() throws Exception {
    mvc.perform(get(URL + "/" + UUID.randomUUID()).with(admin())).andExpect(status().isNotFound());
    mvc.perform(get(URL + "/" + readyModel("ACSI") + "/runs/" + UUID.randomUUID()).with(admin()))
        .andExpect(status().isNotFound());
  }

  @Test
  void rolesWithoutThePermissionAreForbidden() throws Exception {
    String agent = TestUsers.create(mvc, "AGENT");
    mvc.perform(get(URL).with(TestUsers.as(agent))).andExpect(status().isForbidden());
    String marketer = TestUsers.create(mvc, "MARKETER");
    mvc.perform(get(URL).with(TestUsers.as(marketer))).andExpect(status().isOk());
    mvc.perform(
            post(URL)
                .contentType(MediaType.APPLICATION_JSON)
                .content(CUSTOM)
                .with(TestUsers.as(marketer)))
        .andExpect(status().isForbidden());
    String analyst = TestUsers.create(mvc, "ANALYST");
    mvc.perform(
            post(URL)
                .contentType(MediaType.APPLICATION_JSON)
                .content(CUSTOM)
                .with(TestUsers.as(analyst)))
        .andExpect(status().isCreated());
  }

  @Test
  void runsAModelAsAJobAndKeepsEverythingToReproduceIt() throws Exception {
    UUID model = readyModel("ECSI");
    String body =
        mvc.perform(
                multipart(URL + "/" + model + "/runs")
                    .file(
                        new MockMultipartFile(
                            "data", "wave-1.csv", "text/csv", SurveyData.synthetic(400, 11)))
                    .param("bootstrap", "30")
                    .param("seed", "7")
                    .with(admin()))
            .andExpect(status().isAccepted())
            .andExpect(header().exists("Location"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID jobId = UUID.fromString(read(body).get("jobId").asString());
    UUID runId = UUID.fromString(read(body).get("runId").asString());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> jobs.find(jobId).orElseThrow().status().finished());
    assertThat(jobs.find(jobId).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
    JsonNode jobResult = jobs.find(jobId).orElseThrow().result();
    assertThat(jobResult.get("runId").asString()).isEqualTo(runId.toString());
    assertThat(jobResult.get("estimate").get("n").asInt()).isEqualTo(400);

    JsonNode run =
        read(
            mvc.perform(get(URL + "/" + model + "/runs/" + runId).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.modelVersion").value(1))
                .andExpect(jsonPath("$.data.name").value("wave-1.csv"))
                .andExpect(jsonPath("$.data.rows").value(400))
                .andExpect(jsonPath("$.settings.bootstrap").value(30))
                .andExpect(jsonPath("$.settings.seed").value(7))
                .andExpect(jsonPath("$.spec.constructs.length()").value(7))
                .andExpect(jsonPath("$.result.bootstrap.resamples").value(30))
                .andExpect(jsonPath("$.drivers[0].quadrant").isNotEmpty())
                .andExpect(jsonPath("$.itemDrivers.length()").value(17))
                .andExpect(jsonPath("$.result.itemIndex.CUSA1").isNumber())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(run.get("result").get("index").get("CUSA").asDouble()).isBetween(0.0, 100.0);
    JsonNode firstPath = run.get("result").get("pathCoefficients").get(0);
    assertThat(firstPath.get("ciLow").asDouble()).isLessThan(firstPath.get("estimate").asDouble());

    mvc.perform(get(URL + "/" + model + "/runs").with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].id", hasItem(runId.toString())));
    byte[] xlsx =
        mvc.perform(get(URL + "/" + model + "/runs/" + runId + "/export.xlsx").with(admin()))
            .andExpect(status().isOk())
            .andExpect(
                content()
                    .contentType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(xlsx).startsWith('P', 'K');

    // change the model: a repeat still uses the run's own copy of version 1
    mvc.perform(get(URL + "/" + model + "/runs/" + runId + "/data.csv").with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.startsWith("IMAG1,IMAG2")));
    String repeated =
        mvc.perform(post(URL + "/" + model + "/runs/" + runId + "/repeat").with(admin()))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID repeatJob = UUID.fromString(read(repeated).get("jobId").asString());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> jobs.find(repeatJob).orElseThrow().status().finished());
    JsonNode again = jobs.find(repeatJob).orElseThrow().result().get("estimate");
    assertThat(again.get("pathCoefficients")).isEqualTo(run.get("result").get("pathCoefficients"));
    assertThat(again.get("index")).isEqualTo(run.get("result").get("index"));
  }

  @Test
  void theSameRunOnTheMobiDataMatchesSmartPls() throws Exception {
    byte[] mobi = SurveyData.mobi();
    UUID model = readyModel("ECSI");
    String body =
        mvc.perform(
                multipart(URL + "/" + model + "/runs")
                    .file(new MockMultipartFile("data", "mobi.csv", "text/csv", mobi))
                    .param("bootstrap", "0")
                    .with(admin()))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID jobId = UUID.fromString(read(body).get("jobId").asString());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> jobs.find(jobId).orElseThrow().status().finished());
    JsonNode estimate = jobs.find(jobId).orElseThrow().result().get("estimate");
    for (JsonNode p : estimate.get("pathCoefficients")) {
      if (p.get("from").asString().equals("CUSA") && p.get("to").asString().equals("CUSL")) {
        assertThat(p.get("estimate").asDouble()).isCloseTo(0.48547762, within(1e-6));
      }
    }
  }

  @Test
  void aRunRefusesDataWithoutTheModelsItems() throws Exception {
    UUID model = readyModel("ECSI");
    mvc.perform(
            multipart(URL + "/" + model + "/runs")
                .file(new MockMultipartFile("data", "x.csv", "text/csv", "a,b\n1,2\n".getBytes()))
                .with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("data"));
    mvc.perform(multipart(URL + "/" + model + "/runs").with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("data"));
    mvc.perform(
            multipart(URL + "/" + model + "/runs")
                .file(
                    new MockMultipartFile("data", "x.csv", "text/csv", SurveyData.synthetic(50, 1)))
                .param("bootstrap", "-1")
                .with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("bootstrap"));
  }

  @Test
  void aRunTheEngineCannotEstimateFailsAndSaysWhy() throws Exception {
    UUID model = readyModel("ACSI");
    // every respondent gives the same complaint answer: the item has no variance
    String csv =
        new String(SurveyData.synthetic(150, 12), java.nio.charset.StandardCharsets.UTF_8)
            .lines()
            .map(
                line -> {
                  String[] cells = line.split(",", -1);
                  if (!line.startsWith("IMAG1")) {
                    cells[20] = "5";
                  }
                  return String.join(",", cells);
                })
            .collect(java.util.stream.Collectors.joining("\n"));
    String body =
        mvc.perform(
                multipart(URL + "/" + model + "/runs")
                    .file(new MockMultipartFile("data", "flat.csv", "text/csv", csv.getBytes()))
                    .param("bootstrap", "0")
                    .with(admin()))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID jobId = UUID.fromString(read(body).get("jobId").asString());
    UUID runId = UUID.fromString(read(body).get("runId").asString());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> jobs.find(jobId).orElseThrow().status().finished());
    assertThat(jobs.find(jobId).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
    mvc.perform(get(URL + "/" + model + "/runs/" + runId).with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("FAILED"))
        .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("CUSCO")));
  }

  @Test
  void theDemoDataBringsTwoEcsiWavesToCompare() throws Exception {
    // 202 when this test loads the demo data, 409 when another test already did
    int status =
        mvc.perform(post("/api/v1/demo-data").with(admin())).andReturn().getResponse().getStatus();
    assertThat(status).isIn(202, 409);
    UUID model = readyModel("ECSI");
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                mvc.perform(get(URL + "/" + model + "/runs").with(admin()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString()
                    .contains("ecsi-2026-q4.csv"));
    mvc.perform(get(URL + "/" + model + "/runs").with(admin()))
        .andExpect(
            jsonPath("$[?(@.data.name == 'ecsi-2026-q3.csv')].status").value(hasItem("SUCCEEDED")));
  }

  @Test
  void classifiesKanoAnswersAndRanksGaps() throws Exception {
    mvc.perform(
            post(URL + "/kano")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"answers":{"wifi":[[1,5],[1,5],[1,4],[2,5]]}}
                    """)
                .with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].attribute").value("wifi"))
        .andExpect(jsonPath("$[0].dominant").value("ONE_DIMENSIONAL"))
        .andExpect(jsonPath("$[0].better").value(0.75))
        .andExpect(jsonPath("$[0].worse").value(-0.75));
    mvc.perform(
            post(URL + "/kano")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\":{\"wifi\":[[1,9]]}}")
                .with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("answers.wifi[0]"));
    mvc.perform(
            post(URL + "/gaps")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"attributes":{"speed":{"expected":[8,9,9,null],"perceived":[6,7,6,5]},
                                   "price":{"expected":[5,5,6,6],"perceived":[6,5,7,6]}}}
                    """)
                .with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].attribute").value("speed"))
        .andExpect(jsonPath("$[0].n").value(3));
  }
}
