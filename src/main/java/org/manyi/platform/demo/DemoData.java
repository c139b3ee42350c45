package org.manyi.platform.demo;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.zip.CRC32;
import org.manyi.platform.DemoContext;
import org.manyi.platform.DemoDataContributor;
import org.manyi.platform.Jobs;
import org.manyi.platform.ManyiProperties;
import org.manyi.platform.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the deterministic demo data set once, as a background job: every module's {@link
 * DemoDataContributor} in order, each in its own transaction, so the job's messages say exactly
 * which parts were applied if it stops half-way.
 */
@Service
public class DemoData {

  public static final String JOB_TYPE = "demo-data";
  static final String LOADED = "demo.loaded";
  private static final String LOADING = "loading:";

  /** The size of the set loaded from the home page; benchmarks ask for much larger ones. */
  public static final int DEFAULT_CUSTOMERS = 500;

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final List<DemoDataContributor> contributors;
  private final Jobs jobs;
  private final AppSettings settings;
  private final TransactionTemplate transactions;
  private final ManyiProperties properties;

  DemoData(
      List<DemoDataContributor> contributors,
      Jobs jobs,
      AppSettings settings,
      TransactionTemplate transactions,
      ManyiProperties properties) {
    this.contributors =
        contributors.stream().sorted(Comparator.comparingInt(DemoDataContributor::order)).toList();
    this.jobs = jobs;
    this.settings = settings;
    this.transactions = transactions;
    this.properties = properties;
  }

  /**
   * Whether demo data was loaded, is being loaded, or was partly loaded. A load that stopped before
   * applying anything (cancelled, or cut short by a restart) counts as not loaded.
   */
  public boolean loaded() {
    return settings
        .get(LOADED)
        .map(
            value -> !value.startsWith(LOADING) || !stoppedEmpty(value.substring(LOADING.length())))
        .orElse(false);
  }

  private boolean stoppedEmpty(String jobId) {
    try {
      return jobs.find(java.util.UUID.fromString(jobId))
          .map(
              job ->
                  job.status().finished()
                      && job.processed() == 0
                      && job.status() != org.manyi.platform.JobStatus.SUCCEEDED)
          .orElse(true);
    } catch (IllegalArgumentException malformed) {
      return true;
    }
  }

  /**
   * Starts loading the demo set as a job owned by {@code owner}. Synchronized so that a second
   * click sees the first load.
   *
   * @throws ProblemException 409 when demo data was already loaded or is being loaded
   */
  public synchronized UUID load(String owner, int customers) {
    if (loaded()) {
      throw ProblemException.conflict("demo-data-loaded", "demo.alreadyLoaded");
    }
    UUID job =
        jobs.submit(
            JOB_TYPE,
            owner,
            context -> {
              context.total(contributors.size());
              int done = 0;
              for (DemoDataContributor contributor : contributors) {
                context.checkCancelled();
                Random random = new Random(seed(contributor.name()));
                transactions.executeWithoutResult(
                    status -> contributor.contribute(new DemoContext(random, customers, context)));
                context.message("✓ " + contributor.name());
                context.processed(++done);
              }
              context.result(new Loaded(done, customers));
            });
    // the job's own state says later whether the load finished, stopped half-way or never started
    settings.put(LOADED, LOADING + job);
    return job;
  }

  /** What the demo job reports when done. */
  public record Loaded(int modules, int customers) {}

  @EventListener(ApplicationReadyEvent.class)
  @Order(100)
  void loadAtFirstStart() {
    if (properties.demo() && !loaded()) {
      log.info("MANYI_DEMO=true: loading demo data in the background");
      load("admin", DEFAULT_CUSTOMERS);
    }
  }

  private static long seed(String name) {
    CRC32 crc = new CRC32();
    crc.update(name.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }
}
