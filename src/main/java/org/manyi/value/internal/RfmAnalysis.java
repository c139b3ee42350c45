package org.manyi.value.internal;

import static org.manyi.shared.Times.toDb;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.orders.PurchaseSummaries;
import org.manyi.orders.PurchaseTransaction;
import org.manyi.platform.JobContext;
import org.manyi.platform.Jobs;
import org.manyi.platform.ProblemException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * RFM as of a date over a window of months, from the purchase history up to that date only (so a
 * past date gives what was knowable then): recency is the days since the last purchase at all,
 * frequency and monetary count the window. Customers who never bought are left out. The latest
 * run's scores are kept per customer for segments, deciles and the 360 page.
 */
@Service
public class RfmAnalysis {

  public static final String JOB_TYPE = "rfm-run";
  static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
  static final int DEFAULT_WINDOW_MONTHS = 12;

  /** A finished run. */
  public record Run(UUID id, LocalDate asOf, int windowMonths, int customers) {}

  /** One segment of the latest run with its size and revenue. */
  public record SegmentRow(
      RfmSegment segment, long customers, double share, BigDecimal revenue, double revenueShare) {}

  /** One value decile (1 = the top tenth by monetary value) of the latest run. */
  public record Decile(int decile, long customers, BigDecimal revenue, double revenueShare) {}

  private final PurchaseSummaries purchases;
  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final Jobs jobs;
  private final TransactionTemplate transactions;
  private final Clock clock = Clock.systemUTC();

  RfmAnalysis(
      PurchaseSummaries purchases,
      JdbcClient jdbc,
      JdbcTemplate batch,
      Jobs jobs,
      TransactionTemplate transactions) {
    this.purchases = purchases;
    this.jdbc = jdbc;
    this.batch = batch;
    this.jobs = jobs;
    this.transactions = transactions;
  }

  /**
   * Starts a run as a job.
   *
   * @param asOf the date to score as of, today (China time) when absent; never in the future
   * @param windowMonths the window for frequency and monetary, 1–120 months, 12 when absent
   */
  public UUID start(@Nullable LocalDate asOf, @Nullable Integer windowMonths, String owner) {
    LocalDate today = LocalDate.now(clock.withZone(BUSINESS_ZONE));
    LocalDate date = asOf == null ? today : asOf;
    if (date.isAfter(today)) {
      throw ProblemException.invalid("asOf", "value.rfm.asOf.future");
    }
    int months = windowMonths == null ? DEFAULT_WINDOW_MONTHS : windowMonths;
    if (months < 1 || months > 120) {
      throw ProblemException.invalid("windowMonths", "value.rfm.window.range");
    }
    return jobs.submit(JOB_TYPE, owner, job -> job.result(run(date, months, job)));
  }

  Run run(LocalDate asOf, int windowMonths, @Nullable JobContext job) {
    LocalDate windowStart = asOf.minusMonths(windowMonths);
    List<RfmScoring.Measures> measures = new ArrayList<>();
    Accumulator current = new Accumulator();
    purchases.transactions(
        asOf,
        t -> {
          if (current.customer != null && !current.customer.equals(t.customer())) {
            measures.add(current.measures(asOf));
            current.reset();
          }
          current.add(t, windowStart);
        });
    if (current.customer != null) {
      measures.add(current.measures(asOf));
    }
    if (job != null) {
      job.total(measures.size());
      job.message("customers with purchases: " + measures.size());
    }
    List<RfmScore> scores = RfmScoring.score(measures);
    UUID id = UUID.randomUUID();
    transactions.executeWithoutResult(
        tx -> {
          jdbc.sql("DELETE FROM rfm_score").update();
          for (int from = 0; from < scores.size(); from += 1000) {
            List<Object[]> rows = new ArrayList<>();
            for (RfmScore s : scores.subList(from, Math.min(scores.size(), from + 1000))) {
              rows.add(
                  new Object[] {
                    s.customer().value(),
                    id,
                    (int) Math.min(Integer.MAX_VALUE, s.recencyDays()),
                    s.frequency(),
                    s.monetary(),
                    s.r(),
                    s.f(),
                    s.m(),
                    s.segment().name()
                  });
            }
            batch.batchUpdate(
                "INSERT INTO rfm_score (customer_id, run_id, recency_days, frequency, monetary, r,"
                    + " f, m, segment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
          }
          jdbc.sql(
                  "INSERT INTO rfm_run (id, as_of, window_months, customers, created_at) VALUES"
                      + " (?, ?, ?, ?, ?)")
              .params(id, Date.valueOf(asOf), windowMonths, scores.size(), toDb(clock.instant()))
              .update();
        });
    if (job != null) {
      job.processed(scores.size());
    }
    return new Run(id, asOf, windowMonths, scores.size());
  }

  public Optional<Run> latest() {
    return jdbc.sql(
            "SELECT id, as_of, window_months, customers FROM rfm_run ORDER BY created_at DESC"
                + " LIMIT 1")
        .query(
            (rs, n) ->
                new Run(
                    rs.getObject("id", UUID.class),
                    rs.getDate("as_of").toLocalDate(),
                    rs.getInt("window_months"),
                    rs.getInt("customers")))
        .optional();
  }

  /** Every segment of the latest run, in the segments' order, empty ones included. */
  public List<SegmentRow> segments() {
    record Raw(long customers, BigDecimal revenue) {}
    java.util.Map<String, Raw> raw = new java.util.HashMap<>();
    jdbc.sql(
            "SELECT segment, COUNT(*) AS n, SUM(monetary) AS revenue FROM rfm_score GROUP BY segment")
        .query(
            rs -> {
              raw.put(
                  rs.getString("segment"),
                  new Raw(rs.getLong("n"), orZero(rs.getBigDecimal("revenue"))));
            });
    long total = raw.values().stream().mapToLong(Raw::customers).sum();
    BigDecimal revenue =
        raw.values().stream().map(Raw::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
    List<SegmentRow> rows = new ArrayList<>();
    for (RfmSegment segment : RfmSegment.values()) {
      Raw r = raw.getOrDefault(segment.name(), new Raw(0, BigDecimal.ZERO));
      rows.add(
          new SegmentRow(
              segment,
              r.customers(),
              total == 0 ? 0 : (double) r.customers() / total,
              r.revenue(),
              revenue.signum() == 0
                  ? 0
                  : r.revenue().divide(revenue, 6, RoundingMode.HALF_UP).doubleValue()));
    }
    return rows;
  }

  /** Value deciles of the latest run by monetary value, the top tenth first. */
  public List<Decile> deciles() {
    List<BigDecimal> values =
        jdbc.sql("SELECT monetary FROM rfm_score ORDER BY monetary DESC, customer_id")
            .query(BigDecimal.class)
            .list();
    BigDecimal total = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    List<Decile> deciles = new ArrayList<>();
    int n = values.size();
    for (int d = 0; d < 10 && n > 0; d++) {
      int from = (int) ((long) d * n / 10);
      int to = (int) ((long) (d + 1) * n / 10);
      BigDecimal sum = values.subList(from, to).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      deciles.add(
          new Decile(
              d + 1,
              to - from,
              sum,
              total.signum() == 0 ? 0 : sum.divide(total, 6, RoundingMode.HALF_UP).doubleValue()));
    }
    return deciles;
  }

  /** The customer's score in the latest run. */
  public Optional<RfmScore> score(CustomerId customer) {
    return jdbc.sql(
            "SELECT recency_days, frequency, monetary, r, f, m, segment FROM rfm_score WHERE"
                + " customer_id = ?")
        .param(customer.value())
        .query(
            (rs, n) ->
                new RfmScore(
                    customer,
                    rs.getLong("recency_days"),
                    rs.getInt("frequency"),
                    rs.getBigDecimal("monetary"),
                    rs.getInt("r"),
                    rs.getInt("f"),
                    rs.getInt("m"),
                    RfmSegment.valueOf(rs.getString("segment"))))
        .optional();
  }

  private static BigDecimal orZero(@Nullable BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }

  /** One customer's purchases as they stream by. */
  private static final class Accumulator {
    @Nullable CustomerId customer;
    @Nullable LocalDate last;
    int frequency;
    BigDecimal monetary = BigDecimal.ZERO;

    void add(PurchaseTransaction t, LocalDate windowStart) {
      customer = t.customer();
      if (last == null || t.date().isAfter(last)) {
        last = t.date();
      }
      if (t.date().isAfter(windowStart)) {
        frequency++;
        monetary = monetary.add(t.amount());
      }
    }

    RfmScoring.Measures measures(LocalDate asOf) {
      return new RfmScoring.Measures(
          java.util.Objects.requireNonNull(customer),
          ChronoUnit.DAYS.between(java.util.Objects.requireNonNull(last), asOf),
          frequency,
          monetary);
    }

    void reset() {
      customer = null;
      last = null;
      frequency = 0;
      monetary = BigDecimal.ZERO;
    }
  }
}
