package org.manyi.orders.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerStages;
import org.manyi.customers.LifecycleStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves customers' lifecycle stages as their purchases say: at once for the customers an order
 * change touches, and once a day for those whose last purchase has aged past a threshold. A stage
 * is moved only when the derived stage differs from the one last derived, so a stage a person set
 * by hand stays until purchases tell something new.
 */
@Service
@Transactional
class StageDerivation {

  static final String DAILY_RUN = "lifecycle";
  private static final Logger log = LoggerFactory.getLogger(StageDerivation.class);

  private final JdbcClient jdbc;
  private final CustomerStages stages;
  private final DailyRuns runs;
  private final Lifecycle lifecycle;
  private final LifecycleProperties thresholds;
  private final Clock clock = Clock.systemUTC();

  StageDerivation(
      JdbcClient jdbc, CustomerStages stages, DailyRuns runs, LifecycleProperties thresholds) {
    this.jdbc = jdbc;
    this.stages = stages;
    this.runs = runs;
    this.lifecycle = new Lifecycle(thresholds);
    this.thresholds = thresholds;
  }

  private record Facts(
      CustomerId customer,
      @Nullable Instant first,
      @Nullable Instant last,
      @Nullable LifecycleStage previous) {}

  /** Derives the stages of these customers now (after their orders changed). */
  int apply(Collection<CustomerId> customers, Instant now) {
    List<UUID> ids = customers.stream().map(CustomerId::value).distinct().toList();
    int moved = 0;
    for (int from = 0; from < ids.size(); from += OrderRepository.CHUNK) {
      List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + OrderRepository.CHUNK));
      UUID[] array = chunk.toArray(UUID[]::new);
      Map<UUID, Facts> facts = new HashMap<>();
      for (UUID id : chunk) {
        facts.put(id, new Facts(new CustomerId(id), null, null, null));
      }
      jdbc.sql(
              "SELECT s.customer_id, s.first_purchase_at, s.last_purchase_at, NULL AS stage FROM"
                  + " purchase_summary s WHERE s.customer_id = ANY (?) UNION ALL SELECT"
                  + " d.customer_id, NULL, NULL, d.stage FROM order_customer_stage d WHERE"
                  + " d.customer_id = ANY (?)")
          .params(array, array)
          .query(
              rs -> {
                UUID id = rs.getObject(1, UUID.class);
                Facts f = facts.get(id);
                String stage = rs.getString(4);
                facts.put(
                    id,
                    stage != null
                        ? new Facts(
                            f.customer(), f.first(), f.last(), LifecycleStage.valueOf(stage))
                        : new Facts(
                            f.customer(),
                            fromDb(rs.getObject(2, OffsetDateTime.class)),
                            fromDb(rs.getObject(3, OffsetDateTime.class)),
                            f.previous()));
              });
      for (UUID id : chunk) {
        moved += derive(facts.get(id), now) ? 1 : 0;
      }
    }
    return moved;
  }

  private boolean derive(Facts f, Instant now) {
    Lifecycle.Derived derived = lifecycle.derive(f.previous(), f.first(), f.last(), now);
    if (derived.stage() == f.previous()
        || (f.previous() == null && derived.stage() == LifecycleStage.PROSPECT)) {
      return false;
    }
    jdbc.sql("DELETE FROM order_customer_stage WHERE customer_id = ?")
        .param(f.customer().value())
        .update();
    jdbc.sql("INSERT INTO order_customer_stage (customer_id, stage, derived_at) VALUES (?, ?, ?)")
        .params(f.customer().value(), derived.stage().name(), toDb(now))
        .update();
    stages.move(f.customer(), derived.stage(), derived.reason(), now);
    return true;
  }

  /**
   * The time-based moves (new to active, to dormant, to lost) of every customer with purchases;
   * returns how many customers moved.
   */
  int ageAll(Instant now) {
    Instant newBefore = now.minus(java.time.Duration.ofDays(thresholds.newDays()));
    Instant dormantBefore = now.minus(java.time.Duration.ofDays(thresholds.dormantDays()));
    // only customers a threshold may have caught: first purchase past "new", or last past "dormant"
    List<CustomerId> candidates =
        jdbc.sql(
                "SELECT s.customer_id FROM purchase_summary s LEFT JOIN order_customer_stage d ON"
                    + " d.customer_id = s.customer_id WHERE (s.first_purchase_at <= ? AND"
                    + " (d.stage IS NULL OR d.stage = 'NEW')) OR (s.last_purchase_at <= ? AND"
                    + " (d.stage IS NULL OR d.stage NOT IN ('LOST')))")
            .params(toDb(newBefore), toDb(dormantBefore))
            .query((rs, n) -> new CustomerId(rs.getObject(1, UUID.class)))
            .list();
    return apply(candidates, now);
  }

  /**
   * The daily run: ages the stages once per day across every instance (the first to claim the day
   * does the work).
   */
  @Scheduled(cron = "${manyi.lifecycle.daily-run-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
  public void daily() {
    Instant now = clock.instant();
    if (!runs.claim(DAILY_RUN, now.atZone(PurchaseSummaryBook.ZONE).toLocalDate(), now)) {
      log.info("lifecycle daily run: already done today by another instance");
      return;
    }
    int moved = ageAll(now);
    log.info("lifecycle daily run: {} customers moved", moved);
  }

  /** Runs today's daily work unless an instance already did; returns whether it ran. */
  public boolean runDailyOnce(Instant now) {
    if (!runs.claim(DAILY_RUN, now.atZone(PurchaseSummaryBook.ZONE).toLocalDate(), now)) {
      return false;
    }
    ageAll(now);
    return true;
  }
}
