package org.manyi.platform.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.JobCancelledException;
import org.manyi.platform.JobContext;
import org.manyi.platform.JobStatus;
import org.manyi.platform.JobView;
import org.manyi.platform.JobWork;
import org.manyi.platform.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs jobs on a small worker pool. Progress is written at most every {@link #PROGRESS_INTERVAL} so
 * a tight loop reporting every row does not hammer the database.
 */
@Service
class JobRunner implements Jobs {

  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
  private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(300);
  static final String INTERRUPTED =
      "Interrupted by a restart before it finished. Only the steps listed in the messages were"
          + " applied; run the job again to do the rest.";

  private final JobRepository repository;
  private final JsonMapper json;
  private final Clock clock;
  private final TaskExecutor executor;
  private final Map<UUID, Boolean> cancelRequests = new ConcurrentHashMap<>();

  private final boolean failInterruptedOnStart;

  /**
   * @param failInterruptedOnStart whether start-up marks queued and running jobs as interrupted
   *     ({@code manyi.jobs.fail-interrupted-on-start}); right for one instance per database, which
   *     is what Manyi supports today. Tests that start several contexts on one database turn it
   *     off.
   */
  JobRunner(
      JobRepository repository,
      JsonMapper json,
      @Value("${manyi.jobs.fail-interrupted-on-start:true}") boolean failInterruptedOnStart) {
    this.repository = repository;
    this.json = json;
    this.failInterruptedOnStart = failInterruptedOnStart;
    this.clock = Clock.systemUTC();
    ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
    pool.setCorePoolSize(2);
    pool.setMaxPoolSize(2);
    pool.setThreadNamePrefix("manyi-job-");
    pool.setWaitForTasksToCompleteOnShutdown(false);
    pool.initialize();
    this.executor = pool;
  }

  /**
   * Nothing survives a restart in memory: a job that was queued or running when the process stopped
   * would otherwise show RUNNING forever.
   */
  /** Before runners and ready-listeners, which may already submit new jobs (demo data). */
  @EventListener(ApplicationStartedEvent.class)
  void onStart() {
    if (failInterruptedOnStart) {
      failInterruptedJobs();
    }
  }

  void failInterruptedJobs() {
    int failed = repository.failUnfinished(INTERRUPTED, clock.instant());
    if (failed > 0) {
      log.warn("Marked {} job(s) interrupted by the previous shutdown as failed", failed);
    }
  }

  @Override
  public UUID submit(String type, String owner, JobWork work) {
    UUID id = UUID.randomUUID();
    repository.insert(id, type, owner, clock.instant());
    Runnable start = () -> executor.execute(() -> run(id, work));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              start.run();
            }
          });
    } else {
      start.run();
    }
    return id;
  }

  private void run(UUID id, JobWork work) {
    if (!repository.markRunning(id, clock.instant())) {
      cancelRequests.remove(id);
      return; // cancelled while queued
    }
    Context context = new Context(id);
    try {
      work.run(context);
      context.flush();
      repository.finish(id, JobStatus.SUCCEEDED, null, clock.instant());
    } catch (JobCancelledException e) {
      context.flush();
      repository.finish(id, JobStatus.CANCELLED, null, clock.instant());
    } catch (Exception | Error e) {
      log.warn("Job {} failed", id, e);
      context.flush();
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      repository.finish(id, JobStatus.FAILED, reason, clock.instant());
    } finally {
      cancelRequests.remove(id);
    }
  }

  @Override
  public Optional<JobView> find(UUID id) {
    return repository.find(id);
  }

  @Override
  public List<JobView> recent(String owner, int limit) {
    return repository.recent(owner, limit);
  }

  @Override
  public boolean cancel(UUID id) {
    Optional<JobView> job = repository.find(id);
    if (job.isEmpty() || job.get().status().finished()) {
      return false;
    }
    cancelRequests.put(id, Boolean.TRUE);
    repository.requestCancel(id, clock.instant());
    return true;
  }

  private final class Context implements JobContext {
    private final UUID id;
    private long processed;
    private @Nullable Long total;
    private Instant lastWrite = Instant.EPOCH;

    Context(UUID id) {
      this.id = id;
    }

    @Override
    public void total(long total) {
      this.total = total;
      flush();
    }

    @Override
    public void processed(long processed) {
      this.processed = processed;
      Instant now = clock.instant();
      if (Duration.between(lastWrite, now).compareTo(PROGRESS_INTERVAL) >= 0) {
        flush();
      }
    }

    @Override
    public void message(String message) {
      repository.addMessage(id, message);
    }

    @Override
    public void result(Object result) {
      repository.result(id, json.writeValueAsString(result));
    }

    @Override
    public boolean cancelRequested() {
      return cancelRequests.containsKey(id) || repository.cancelRequested(id);
    }

    void flush() {
      lastWrite = clock.instant();
      repository.progress(id, processed, total);
    }
  }
}
