package org.manyi.surveys;

import static org.awaitility.Awaitility.await;
import static org.manyi.TestUsers.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ResponseImportIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Jobs jobs;

  @Test
  void importsValidRowsAndReportsEachRejectedRow() throws Exception {
    String created =
        mvc.perform(
                post("/api/v1/surveys")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"历史导入\",\"template\":\"POST_COMPLAINT\"}"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(created, "$.id");
    String csv =
        "\uFEFFdate,channel,nps,csat,ces,comment\n"
            + "2025-01-15,phone,9,5,6,很满意\n"
            + "2025-01-20,store,3,2,2,\"等太久了, 下次不来了\"\n"
            + "2025-02-03,web,11,4,5,分数越界\n"
            + "not-a-date,web,8,4,5,\n"
            + "2025-02-10T10:00:00+08:00,,7,4,6,\n";
    String started =
        mvc.perform(
                multipart("/api/v1/imports/survey-responses")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "history.csv",
                            "text/csv",
                            csv.getBytes(StandardCharsets.UTF_8)))
                    .param("surveyId", id)
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
        .andExpect(jsonPath("$.result.rows").value(5))
        .andExpect(jsonPath("$.result.imported").value(3))
        .andExpect(jsonPath("$.result.rejected").value(2))
        .andExpect(jsonPath("$.result.errors[0].line").value(4))
        .andExpect(jsonPath("$.result.errors[0].field").value("answers.nps"))
        .andExpect(jsonPath("$.result.errors[1].line").value(5))
        .andExpect(jsonPath("$.result.errors[1].field").value("date"));
    mvc.perform(get("/api/v1/metrics/nps?groupBy=month&surveyId=" + id).with(admin()))
        .andExpect(jsonPath("$[0].group").value("2025-01"))
        .andExpect(jsonPath("$[0].n").value(2))
        .andExpect(jsonPath("$[1].group").value("2025-02"));
  }

  @Test
  void refusesAFileWithUnknownColumnsBeforeStarting() throws Exception {
    String created =
        mvc.perform(
                post("/api/v1/surveys")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"导入校验\",\"template\":\"NPS_REASON\"}"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(created, "$.id");
    mvc.perform(
            multipart("/api/v1/imports/survey-responses")
                .file(
                    new MockMultipartFile(
                        "file",
                        "x.csv",
                        "text/csv",
                        "date,shoe\n2025-01-01,42\n".getBytes(StandardCharsets.UTF_8)))
                .param("surveyId", id)
                .with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"));
    mvc.perform(
            multipart("/api/v1/imports/survey-responses")
                .file(new MockMultipartFile("file", "x.csv", "text/csv", new byte[0]))
                .param("surveyId", id)
                .with(admin()))
        .andExpect(status().isBadRequest());
  }
}
