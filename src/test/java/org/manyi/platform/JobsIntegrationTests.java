package org.manyi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.manyi.TestUsers.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class JobsIntegrationTests {

  @Autowired Jobs jobs;
  @Autowired MockMvc mvc;
  @Autowired org.springframework.security.core.userdetails.UserDetailsService userDetails;

  @Test
  void reportsProgressMessagesAndResult() throws Exception {
    UUID id =
        jobs.submit(
            "test",
            "admin",
            job -> {
              job.total(3);
              for (int i = 1; i <= 3; i++) {
                job.processed(i);
              }
              job.message("三步完成");
              job.result(Map.of("answer", 42));
            });
    awaitStatus(id, JobStatus.SUCCEEDED);
    mvc.perform(get("/api/v1/jobs/" + id).with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SUCCEEDED"))
        .andExpect(jsonPath("$.processed").value(3))
        .andExpect(jsonPath("$.total").value(3))
        .andExpect(jsonPath("$.messages[0]").value("三步完成"))
        .andExpect(jsonPath("$.result.answer").value(42));
  }

  @Test
  void aFailingJobSaysWhy() {
    UUID id =
        jobs.submit(
            "test",
            "admin",
            job -> {
              throw new IllegalStateException("the file has no header row");
            });
    awaitStatus(id, JobStatus.FAILED);
    assertThat(jobs.find(id).orElseThrow().error()).isEqualTo("the file has no header row");
  }

  @Test
  void theOwnerCancelsARunningJob() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    UUID id =
        jobs.submit(
            "test",
            "admin",
            job -> {
              started.countDown();
              while (true) {
                job.checkCancelled();
                Thread.sleep(20);
              }
            });
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    mvc.perform(post("/api/v1/jobs/" + id + "/cancel").with(admin()))
        .andExpect(status().isAccepted());
    awaitStatus(id, JobStatus.CANCELLED);
  }

  @Test
  void otherUsersCannotSeeAJob() throws Exception {
    UUID id = jobs.submit("test", "admin", job -> {});
    String agent = TestUsers.create(mvc, "AGENT");
    mvc.perform(get("/api/v1/jobs/" + id).with(TestUsers.as(agent)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/jobs/" + UUID.randomUUID()).with(admin()))
        .andExpect(status().isNotFound());
  }

  @Test
  void jobPageShowsProgressAndFragmentStopsPollingWhenDone() throws Exception {
    UUID id = jobs.submit("demo-data", "admin", job -> job.total(1));
    awaitStatus(id, JobStatus.SUCCEEDED);
    var signedIn =
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .user(userDetails.loadUserByUsername("admin"));
    mvc.perform(get("/jobs/" + id).with(signedIn))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("progress-bar")));
    mvc.perform(get("/jobs/" + id + "/progress").with(signedIn).header("HX-Request", "true"))
        .andExpect(status().is(286))
        .andExpect(content().string(containsString("job-progress")));
  }

  private void awaitStatus(UUID id, JobStatus expected) {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> jobs.find(id).orElseThrow().status() == expected);
  }
}
