package org.manyi.value.internal;

import static org.manyi.shared.Times.toDb;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.CaseCounts;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerTagging;
import org.manyi.interactions.InteractionCounts;
import org.manyi.platform.JobContext;
import org.manyi.platform.Jobs;
import org.manyi.platform.ProblemException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Core customers (核心客户) by configurable rules, all of which must hold: high value (in the top share
 * of buyers by spend, and/or a minimum spend), enough purchases, long tenure, low service cost (few
 * cases and logged interactions) and no open churn warning. A run stores the core customers and
 * gives them the rules' customer tag, so the status filters the customer list.
 */
@Service
public class CoreCustomers {

  public static final String JOB_TYPE = "core-customers";

  /**
   * The rules; an absent threshold does not apply.
   *
   * @param topValueShare the top share of buyers by total spend, 0 to 1 (0.2 = the top fifth)
   * @param maxServiceContacts most cases plus logged interactions, all time
   */
  public record Rules(
      String tag,
      @Nullable Double topValueShare,
      @Nullable BigDecimal minSpend,
      @Nullable Integer minPurchases,
      @Nullable Integer minTenureDays,
      @Nullable Integer maxServiceContacts,
      boolean excludeWarned) {}

  /** A finished run. */
  public record Run(
      UUID id, LocalDate asOf, int buyers, int core, double revenueShare, String tag) {}

  private final BehaviourClustering behaviour;
  private final CaseCounts cases;
  private final InteractionCounts interactions;
  private final CustomerTagging tagging;
  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final Jobs jobs;
  private final TransactionTemplate transactions;
  private final Clock clock = Clock.systemUTC();

  CoreCustomers(
      BehaviourClustering behaviour,
      CaseCounts cases,
      InteractionCounts interactions,
      CustomerTagging tagging,
      JdbcClient jdbc,
      JdbcTemplate batch,
      Jobs jobs,
      TransactionTemplate transactions) {
    this.behaviour = behaviour;
    this.cases = cases;
    this.interactions = interactions;
    this.tagging = tagging;
    this.jdbc = jdbc;
    this.batch = batch;
    this.jobs = jobs;
    this.transactions = transactions;
  }

  public Rules rules() {
    return jdbc.sql(
            "SELECT tag, top_value_share, min_spend, min_purchases, min_tenure_days,"
                + " max_service_contacts, exclude_warned FROM core_customer_rules WHERE id = 1")
        .query(
            (rs, n) ->
                new Rules(
                    rs.getString("tag"),
                    rs.getObject("top_value_share") == null
                        ? null
                        : rs.getDouble("top_value_share"),
                    rs.getBigDecimal("min_spend"),
                    rs.getObject("min_purchases") == null ? null : rs.getInt("min_purchases"),
                    rs.getObject("min_tenure_days") == null ? null : rs.getInt("min_tenure_days"),
                    rs.getObject("max_service_contacts") == null
                        ? null
                        : rs.getInt("max_service_contacts"),
                    rs.getBoolean("exclude_warned")))
        .single();
  }

  /**
   * Stores the rules; they apply from the next run.
   *
   * @throws ProblemException 400 naming the field that is out of range
   */
  public Rules saveRules(Rules rules) {
    String tag = rules.tag() == null ? "" : rules.tag().strip();
    if (tag.isEmpty() || tag.length() > 32) {
      throw ProblemException.invalid("tag", "value.core.tag.invalid");
    }
    if (rules.topValueShare() != null
        && (rules.topValueShare() <= 0 || rules.topValueShare() > 1)) {
      throw ProblemException.invalid("topValueShare", "value.core.share");
    }
    if (rules.minSpend() != null && rules.minSpend().signum() < 0) {
      throw ProblemException.invalid("minSpend", "value.core.negative");
    }
    if (rules.minPurchases() != null && rules.minPurchases() < 0) {
      throw ProblemException.invalid("minPurchases", "value.core.negative");
    }
    if (rules.minTenureDays() != null && rules.minTenureDays() < 0) {
      throw ProblemException.invalid("minTenureDays", "value.core.negative");
    }
    if (rules.maxServiceContacts() != null && rules.maxServiceContacts() < 0) {
      throw ProblemException.invalid("maxServiceContacts", "value.core.negative");
    }
    Rules clean =
        new Rules(
            tag,
            rules.topValueShare(),
            rules.minSpend(),
            rules.minPurchases(),
            rules.minTenureDays(),
            rules.maxServiceContacts(),
            rules.excludeWarned());
    jdbc.sql(
            "UPDATE core_customer_rules SET tag = ?, top_value_share = ?, min_spend = ?,"
                + " min_purchases = ?, min_tenure_days = ?, max_service_contacts = ?,"
                + " exclude_warned = ?, updated_at = ? WHERE id = 1")
        .params(
            clean.tag(),
            clean.topValueShare(),
            clean.minSpend(),
            clean.minPurchases(),
            clean.minTenureDays(),
            clean.maxServiceContacts(),
            clean.excludeWarned(),
            toDb(clock.instant()))
        .update();
    return clean;
  }

  /** Applies the rules as of today in a job. */
  public UUID start(String owner) {
    LocalDate asOf = LocalDate.now(clock.withZone(RfmAnalysis.BUSINESS_ZONE));
    return jobs.submit(JOB_TYPE, owner, job -> job.result(run(asOf, job)));
  }

  Run run(LocalDate asOf, @Nullable JobContext job) {
    Rules rules = rules();
    List<BehaviourRow> rows = behaviour.rows(asOf);
    if (job != null) {
      job.total(rows.size());
      job.message("buyers: " + rows.size());
    }
    double threshold = Double.NEGATIVE_INFINITY;
    if (rules.topValueShare() != null && !rows.isEmpty()) {
      double[] spend = rows.stream().mapToDouble(BehaviourRow::monetary).sorted().toArray();
      int top = (int) Math.ceil(rules.topValueShare() * spend.length);
      // ties at the threshold are all in: the same spend never splits into core and not core
      threshold = spend[spend.length - Math.max(1, top)];
    }
    Map<CustomerId, Long> caseCounts = cases.perCustomer();
    Map<CustomerId, Long> interactionCounts = interactions.perCustomer();
    Set<UUID> warned = new HashSet<>();
    if (rules.excludeWarned()) {
      warned.addAll(
          jdbc.sql("SELECT customer_id FROM churn_warning WHERE closed_at IS NULL")
              .query(UUID.class)
              .list());
    }
    List<CustomerId> core = new ArrayList<>();
    double coreRevenue = 0;
    double revenue = 0;
    for (BehaviourRow r : rows) {
      revenue += r.monetary();
      long contacts =
          caseCounts.getOrDefault(r.customer(), 0L)
              + interactionCounts.getOrDefault(r.customer(), 0L);
      boolean isCore =
          r.monetary() >= threshold
              && (rules.minSpend() == null || r.monetary() >= rules.minSpend().doubleValue())
              && (rules.minPurchases() == null || r.frequency() >= rules.minPurchases())
              && (rules.minTenureDays() == null || r.tenureDays() >= rules.minTenureDays())
              && (rules.maxServiceContacts() == null || contacts <= rules.maxServiceContacts())
              && !warned.contains(r.customer().value());
      if (isCore) {
        core.add(r.customer());
        coreRevenue += r.monetary();
      }
    }
    Optional<Run> previous = latest();
    UUID id = UUID.randomUUID();
    Run run =
        new Run(
            id,
            asOf,
            rows.size(),
            core.size(),
            revenue == 0 ? 0 : coreRevenue / revenue,
            rules.tag());
    transactions.executeWithoutResult(
        tx -> {
          jdbc.sql("DELETE FROM core_customer").update();
          List<Object[]> members = new ArrayList<>();
          for (CustomerId c : core) {
            members.add(new Object[] {c.value(), id});
          }
          for (int from = 0; from < members.size(); from += 1000) {
            batch.batchUpdate(
                "INSERT INTO core_customer (customer_id, run_id) VALUES (?, ?)",
                members.subList(from, Math.min(members.size(), from + 1000)));
          }
          jdbc.sql(
                  "INSERT INTO core_customer_run (id, created_at, as_of, buyers, core,"
                      + " revenue_share, tag) VALUES (?, ?, ?, ?, ?, ?, ?)")
              .params(
                  id,
                  toDb(clock.instant()),
                  Date.valueOf(asOf),
                  run.buyers(),
                  run.core(),
                  run.revenueShare(),
                  run.tag())
              .update();
          if (previous.isPresent() && !previous.get().tag().equals(rules.tag())) {
            tagging.replace(previous.get().tag(), List.of());
          }
          int tagged = tagging.replace(rules.tag(), core);
          if (job != null) {
            job.message("core customers: " + core.size() + ", tagged: " + tagged);
          }
        });
    if (job != null) {
      job.processed(rows.size());
    }
    return run;
  }

  public Optional<Run> latest() {
    return jdbc.sql(
            "SELECT id, as_of, buyers, core, revenue_share, tag FROM core_customer_run ORDER BY"
                + " created_at DESC LIMIT 1")
        .query(
            (rs, n) ->
                new Run(
                    rs.getObject("id", UUID.class),
                    rs.getDate("as_of").toLocalDate(),
                    rs.getInt("buyers"),
                    rs.getInt("core"),
                    rs.getDouble("revenue_share"),
                    rs.getString("tag")))
        .optional();
  }

  /** Whether the customer is a core customer in the latest run. */
  public boolean isCore(CustomerId customer) {
    return jdbc.sql("SELECT COUNT(*) FROM core_customer WHERE customer_id = ?")
            .param(customer.value())
            .query(Long.class)
            .single()
        > 0;
  }
}
