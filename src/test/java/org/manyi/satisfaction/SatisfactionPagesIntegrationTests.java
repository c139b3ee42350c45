package org.manyi.satisfaction;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.TestUsers;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.manyi.satisfaction.internal.ModelRuns;
import org.manyi.satisfaction.internal.PdfFonts;
import org.manyi.satisfaction.internal.RunStatus;
import org.manyi.satisfaction.internal.SatisfactionModels;
import org.manyi.shared.PageRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class SatisfactionPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired IdentityUserDetailsService userDetails;
  @Autowired ModelRuns runs;
  @Autowired SatisfactionModels models;
  @Autowired PdfFonts pdfFonts;

  private RequestPostProcessor admin() {
    return user(userDetails.loadUserByUsername("admin"));
  }

  @Test
  void listsTheReadyModelsAsAPageAndAsAnHtmxFragment() throws Exception {
    mvc.perform(get("/satisfaction").with(admin()).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("满意度指数模型")))
        .andExpect(content().string(containsString("ECSI")))
        .andExpect(content().string(containsString("<html")));
    mvc.perform(get("/satisfaction").param("q", "ECSI").header("HX-Request", "true").with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"model-rows\"")))
        .andExpect(content().string(containsString("ECSI")))
        .andExpect(content().string(not(containsString(">CCSI<"))))
        .andExpect(content().string(not(containsString("<html"))));
  }

  @Test
  void theEditorShowsEveryProblemNextToItsFieldAndKeepsWhatWasTyped() throws Exception {
    mvc.perform(get("/satisfaction/models/new").with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"constructs[0].items\"")));
    mvc.perform(
            post("/satisfaction/models/new")
                .with(admin())
                .with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .param("name", "Loop")
                .param("constructs[0].name", "A")
                .param("constructs[0].items", "a1, a2")
                .param("constructs[0].mode", "A")
                .param("constructs[1].name", "")
                .param("constructs[1].items", "")
                .param("constructs[2].name", "B")
                .param("constructs[2].items", "")
                .param("paths", "A -> B\nB -> A")
                .param("scheme", "PATH")
                .param("scaling", "STANDARDIZED")
                .param("scaleMin", "1")
                .param("scaleMax", "5"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Construct B needs at least one item.")))
        .andExpect(content().string(containsString("form a cycle")))
        .andExpect(content().string(containsString("value=\"a1, a2\"")));
  }

  @Test
  void createsAModelFromTheEditor() throws Exception {
    mvc.perform(
            post("/satisfaction/models/new")
                .with(admin())
                .with(csrf())
                .param("name", "网点服务")
                .param("constructs[0].name", "SERV")
                .param("constructs[0].items", "S1，S2")
                .param("constructs[1].name", "SAT")
                .param("constructs[1].items", "T1 T2")
                .param("paths", "SERV → SAT")
                .param("scaleMin", "1")
                .param("scaleMax", "5")
                .param("target", "SAT"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("/satisfaction/models/*"));
  }

  @Test
  void runsAModelFromTheUploadFormAndShowsItsResults() throws Exception {
    UUID model = ready("ECSI");
    mvc.perform(get("/satisfaction/models/" + model + "/run").with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")));
    UUID first = upload(model, 1);
    UUID second = upload(model, 2);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> runs.get(first).status().finished() && runs.get(second).status().finished());
    org.assertj.core.api.Assertions.assertThat(runs.get(second).status())
        .isEqualTo(RunStatus.SUCCEEDED);

    mvc.perform(
            get("/satisfaction/runs/" + second)
                .with(admin())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"path-diagram\"")))
        .andExpect(content().string(containsString("data-chart=")))
        .andExpect(content().string(containsString("id=\"ipa-chart\"")))
        .andExpect(content().string(containsString("id=\"reliability-table\"")))
        .andExpect(content().string(containsString("id=\"item-ipa-table\"")))
        .andExpect(content().string(containsString("id=\"cross-table\"")))
        .andExpect(content().string(containsString("id=\"effects-table\"")))
        .andExpect(content().string(containsString("顾客满意度")))
        .andExpect(content().string(containsString("/js/satisfaction/charts.js")))
        .andExpect(content().string(not(containsString("??"))));
    mvc.perform(
            get("/satisfaction/runs/" + second + "/progress")
                .header("HX-Request", "true")
                .with(admin()))
        .andExpect(status().isOk())
        .andExpect(header().string("HX-Refresh", "true"));
    mvc.perform(get("/satisfaction/runs/" + second + "/export.xlsx").with(admin()))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString(".xlsx")));
    boolean chineseFont = pdfFonts.chinese().isPresent();
    mvc.perform(
            get("/satisfaction/runs/" + second + "/export.pdf")
                .with(admin())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
        .andExpect(status().is(chineseFont ? 200 : 503))
        .andExpect(
            chineseFont
                ? header().string(HttpHeaders.CONTENT_TYPE, "application/pdf")
                : content().string(containsString("pdf-font-missing")));
    mvc.perform(
            get("/api/v1/satisfaction-models/" + model + "/runs/" + second + "/export.pdf")
                .with(admin()))
        .andExpect(status().is(chineseFont ? 200 : 503))
        .andExpect(
            header()
                .string(HttpHeaders.CONTENT_TYPE, containsString(chineseFont ? "pdf" : "problem")));
    mvc.perform(get("/satisfaction/runs/" + second).with(admin()))
        .andExpect(content().string(containsString("id=\"exportPdf\"")))
        .andExpect(content().string(containsString("index-interval")));
    mvc.perform(post("/satisfaction/runs/" + second + "/repeat").with(admin()).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("/satisfaction/runs/*"));
    mvc.perform(get("/satisfaction/models/" + model).with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(second.toString())));
    mvc.perform(
            get("/satisfaction/models/" + model + "/compare")
                .param("a", first.toString())
                .param("b", second.toString())
                .with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("CUSA")))
        .andExpect(content().string(containsString("change-significance")));
  }

  @Test
  void anUploadWithoutTheItemsSaysWhichAreMissing() throws Exception {
    UUID model = ready("ACSI");
    mvc.perform(
            multipart("/satisfaction/models/" + model + "/run")
                .file(new MockMultipartFile("data", "x.csv", "text/csv", "a,b\n1,2\n".getBytes()))
                .param("bootstrap", "0")
                .with(admin())
                .with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("The data lacks the columns CUEX1, CUEX2")));
  }

  @Test
  void classifiesKanoPairsAndRanksGapsFromUploads() throws Exception {
    String kano = "wifi_f,wifi_d,parking_f,parking_d\n1,5,2,5\n1,5,3,5\n1,4,3,5\n2,5,,\n";
    mvc.perform(
            multipart("/satisfaction/kano")
                .file(new MockMultipartFile("data", "kano.csv", "text/csv", kano.getBytes()))
                .with(admin())
                .with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"kano-chart\"")))
        .andExpect(content().string(containsString("One-dimensional")))
        .andExpect(content().string(containsString("Must-be")));
    String gaps = "speed_exp,speed_per,price_exp,price_per\n8,6,5,6\n9,7,5,5\n9,6,6,7\n";
    mvc.perform(
            multipart("/satisfaction/gaps")
                .file(new MockMultipartFile("data", "gaps.csv", "text/csv", gaps.getBytes()))
                .with(admin())
                .with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Below expectations")));
    mvc.perform(
            multipart("/satisfaction/gaps")
                .file(
                    new MockMultipartFile("data", "gaps.csv", "text/csv", "a,b\n1,2\n".getBytes()))
                .with(admin())
                .with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("No column pair NAME_exp / NAME_per")));
  }

  @Test
  void pagesAreForbiddenWithoutThePermission() throws Exception {
    String agent = TestUsers.create(mvc, "AGENT");
    mvc.perform(get("/satisfaction").with(user(userDetails.loadUserByUsername(agent))))
        .andExpect(status().isForbidden());
  }

  private UUID ready(String template) {
    return models.list(null, new PageRequest(0, 500)).items().stream()
        .filter(m -> template.equals(m.template()))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private UUID upload(UUID model, long seed) throws Exception {
    String location =
        mvc.perform(
                multipart("/satisfaction/models/" + model + "/run")
                    .file(
                        new MockMultipartFile(
                            "data", "wave.csv", "text/csv", SurveyData.synthetic(300, seed)))
                    .param("bootstrap", "10")
                    .param("seed", "1")
                    .param("tolerance", "1e-7")
                    .param("maxIterations", "300")
                    .with(admin())
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andExpect(header().string("Location", startsWith("/satisfaction/runs/")))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
  }
}
