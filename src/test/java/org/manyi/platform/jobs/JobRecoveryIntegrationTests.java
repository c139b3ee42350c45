package org.manyi.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.platform.JobStatus;
import org.manyi.platform.JobView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class JobRecoveryIntegrationTests {

  @Autowired JobRunner runner;
  @Autowired JdbcClient jdbc;

  @Test
  void jobsInterruptedByARestartAreMarkedFailedWithAReason() {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO job (id, type, owner, status, processed, total, messages, created_at)"
                + " VALUES (?, 'test', 'admin', 'RUNNING', 5, 10, '[\"step 1 applied\"]',"
                + " CURRENT_TIMESTAMP)")
        .param(id)
        .update();

    runner.failInterruptedJobs();

    JobView job = runner.find(id).orElseThrow();
    assertThat(job.status()).isEqualTo(JobStatus.FAILED);
    assertThat(job.error()).isEqualTo(JobRunner.INTERRUPTED);
    assertThat(job.messages()).containsExactly("step 1 applied");
    assertThat(job.finishedAt()).isNotNull();
  }
}
