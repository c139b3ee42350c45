package org.manyi.value.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.clv.ChurnRiskModel;
import org.manyi.clv.CustomerBase;
import org.manyi.clv.CustomerSummary;
import org.manyi.clv.PurchaseModel;
import org.manyi.clv.TimeUnit;
import org.manyi.clv.Transaction;
import org.manyi.customers.CustomerId;
import org.manyi.orders.PurchaseSummaries;
import org.manyi.orders.PurchaseTransaction;
import org.manyi.platform.JobContext;
import org.manyi.platform.Jobs;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.manyi.value.events.ChurnWarningRaised;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Churn early warnings from each customer's own purchase rhythm, as of a date: a partial defector
 * still buys but spent at most {@code spend-drop-ratio} of the previous period's spend in the last
 * period (of {@code period-days}); an overdue customer has not bought for more than {@code
 * overdue-factor} times their median interval between purchases (three purchases or more). One
 * warning stays open per customer while a reason holds and closes when none does (the customer
 * bought again at the usual level). A new warning is published for the owner's retention call.
 */
@Service
public class ChurnWarnings {

  public static final String JOB_TYPE = "churn-warnings";

  /** Beyond a year without a purchase the customer is lost, not quietly leaving. */
  private static final int LOST_AFTER_DAYS = 365;

  /** One warning as lists and the API show it. */
  public record Warning(
      UUID id,
      CustomerId customer,
      List<WarningReason> reasons,
      BigDecimal valueAtRisk,
      BigDecimal previousSpend,
      BigDecimal lastSpend,
      int daysSinceLast,
      @Nullable Integer usualInterval,
      LocalDate asOf,
      Instant openedAt,
      @Nullable Instant closedAt) {}

  /** What a run did. */
  public record RunResult(LocalDate asOf, int customers, int opened, int updated, int closed) {}

  private final PurchaseSummaries purchases;
  private final JdbcClient jdbc;
  private final Jobs jobs;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;
  private final int periodDays;
  private final double dropRatio;
  private final double overdueFactor;
  private final ClvFits fits;
  private final double pAliveThreshold;
  private final double churnRiskThreshold;
  private final Clock clock = Clock.systemUTC();

  ChurnWarnings(
      PurchaseSummaries purchases,
      JdbcClient jdbc,
      Jobs jobs,
      TransactionTemplate transactions,
      ApplicationEventPublisher events,
      @Value("${manyi.warnings.period-days:90}") int periodDays,
      @Value("${manyi.warnings.spend-drop-ratio:0.5}") double dropRatio,
      @Value("${manyi.warnings.overdue-factor:2.0}") double overdueFactor,
      ClvFits fits,
      @Value("${manyi.warnings.p-alive-threshold:0.2}") double pAliveThreshold,
      @Value("${manyi.warnings.churn-risk-threshold:0.9}") double churnRiskThreshold) {
    this.purchases = purchases;
    this.jdbc = jdbc;
    this.jobs = jobs;
    this.transactions = transactions;
    this.events = events;
    this.periodDays = periodDays;
    this.dropRatio = dropRatio;
    this.overdueFactor = overdueFactor;
    this.fits = fits;
    this.pAliveThreshold = pAliveThreshold;
    this.churnRiskThreshold = churnRiskThreshold;
  }

  /** The churn risk at or above which a warning is raised. */
  public double churnRiskThreshold() {
    return churnRiskThreshold;
  }

  /** Starts a run as of a date (today when absent) as a job. */
  public UUID start(@Nullable LocalDate asOf, String owner) {
    LocalDate today = LocalDate.now(clock.withZone(RfmAnalysis.BUSINESS_ZONE));
    LocalDate date = asOf == null ? today : asOf;
    if (date.isAfter(today)) {
      throw ProblemException.invalid("asOf", "value.rfm.asOf.future");
    }
    return jobs.submit(JOB_TYPE, owner, job -> job.result(run(date, job)));
  }

  /** The daily run; with several instances only the first of the day does the work. */
  @Scheduled(cron = "${manyi.warnings.cron:0 0 3 * * *}")
  void daily() {
    LocalDate today = LocalDate.now(clock.withZone(RfmAnalysis.BUSINESS_ZONE));
    try {
      jdbc.sql("INSERT INTO churn_warning_day (run_date) VALUES (?)")
          .param(Date.valueOf(today))
          .update();
    } catch (DuplicateKeyException e) {
      return;
    }
    run(today, null);
  }

  RunResult run(LocalDate asOf, @Nullable JobContext job) {
    // purchases arrive ordered by customer: assess each customer when the next one starts, so
    // only one customer's purchases and everyone's small assessment are held at a time
    Map<CustomerId, Assessment> assessed = new HashMap<>();
    // a fit older than its own horizon no longer describes the customers: warn without it
    Models models =
        fits.fittedUpTo(asOf)
            .filter(f -> !f.settings().horizonEnd().isBefore(asOf))
            .map(Models::new)
            .orElse(null);
    Signals[] current = {null};
    purchases.transactions(
        asOf,
        t -> {
          if (current[0] != null && !current[0].customer.equals(t.customer())) {
            assessed.put(current[0].customer, current[0].assess(asOf, models));
            current[0] = null;
          }
          if (current[0] == null) {
            current[0] = new Signals(t.customer());
          }
          current[0].add(t);
        });
    if (current[0] != null) {
      assessed.put(current[0].customer, current[0].assess(asOf, models));
    }
    Map<CustomerId, UUID> open = new HashMap<>();
    jdbc.sql("SELECT id, customer_id FROM churn_warning WHERE closed_at IS NULL")
        .query(
            rs -> {
              open.put(
                  new CustomerId(rs.getObject("customer_id", UUID.class)),
                  rs.getObject("id", UUID.class));
            });
    int[] counts = new int[3];
    Instant now = clock.instant();
    transactions.executeWithoutResult(
        tx -> {
          for (Map.Entry<CustomerId, Assessment> e : assessed.entrySet()) {
            Assessment a = e.getValue();
            UUID existing = open.get(e.getKey());
            if (a.reasons().isEmpty()) {
              if (existing != null) {
                jdbc.sql("UPDATE churn_warning SET closed_at = ? WHERE id = ?")
                    .params(toDb(now), existing)
                    .update();
                counts[2]++;
              }
              continue;
            }
            String reasons = String.join(",", a.reasons().stream().map(Enum::name).toList());
            if (existing != null) {
              jdbc.sql(
                      "UPDATE churn_warning SET reasons = ?, value_at_risk = ?, previous_spend = ?,"
                          + " last_spend = ?, days_since_last = ?, usual_interval = ?, as_of = ?"
                          + " WHERE id = ?")
                  .params(
                      reasons,
                      a.valueAtRisk(),
                      a.previousSpend(),
                      a.lastSpend(),
                      a.daysSinceLast(),
                      a.usualInterval(),
                      Date.valueOf(asOf),
                      existing)
                  .update();
              counts[1]++;
              continue;
            }
            UUID id = UUID.randomUUID();
            jdbc.sql(
                    "INSERT INTO churn_warning (id, customer_id, opened_at, reasons, value_at_risk,"
                        + " previous_spend, last_spend, days_since_last, usual_interval, as_of)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                    id,
                    e.getKey().value(),
                    toDb(now),
                    reasons,
                    a.valueAtRisk(),
                    a.previousSpend(),
                    a.lastSpend(),
                    a.daysSinceLast(),
                    a.usualInterval(),
                    Date.valueOf(asOf))
                .update();
            events.publishEvent(
                new ChurnWarningRaised(
                    id,
                    e.getKey(),
                    a.reasons().stream().map(Enum::name).toList(),
                    a.valueAtRisk(),
                    now));
            counts[0]++;
          }
        });
    if (job != null) {
      job.total(assessed.size());
      job.processed(assessed.size());
    }
    return new RunResult(asOf, assessed.size(), counts[0], counts[1], counts[2]);
  }

  /** Warnings, open ones (by value at risk) or all, newest first. */
  public PageResult<Warning> list(boolean openOnly, PageRequest page) {
    String where = openOnly ? " WHERE closed_at IS NULL" : "";
    long total = jdbc.sql("SELECT COUNT(*) FROM churn_warning" + where).query(Long.class).single();
    List<Warning> items =
        jdbc.sql(
                "SELECT * FROM churn_warning"
                    + where
                    + " ORDER BY value_at_risk DESC, id LIMIT ? OFFSET ?")
            .params(page.size(), page.offset())
            .query((rs, n) -> warning(rs))
            .list();
    return new PageResult<>(items, page.page(), page.size(), total);
  }

  /** The customer's open warning, if any. */
  public List<Warning> openFor(CustomerId customer) {
    return jdbc.sql("SELECT * FROM churn_warning WHERE customer_id = ? AND closed_at IS NULL")
        .param(customer.value())
        .query((rs, n) -> warning(rs))
        .list();
  }

  private static Warning warning(java.sql.ResultSet rs) throws java.sql.SQLException {
    int interval = rs.getInt("usual_interval");
    Integer usual = rs.wasNull() ? null : interval;
    OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
    return new Warning(
        rs.getObject("id", UUID.class),
        new CustomerId(rs.getObject("customer_id", UUID.class)),
        Arrays.stream(rs.getString("reasons").split(",")).map(WarningReason::valueOf).toList(),
        rs.getBigDecimal("value_at_risk"),
        rs.getBigDecimal("previous_spend"),
        rs.getBigDecimal("last_spend"),
        rs.getInt("days_since_last"),
        usual,
        rs.getDate("as_of").toLocalDate(),
        fromDb(rs.getObject("opened_at", OffsetDateTime.class)),
        closed == null ? null : closed.toInstant());
  }

  /** The models of a CLV fit, restored once per run. */
  record Models(PurchaseModel purchase, ChurnRiskModel churn, TimeUnit unit) {
    Models(ClvFits.Fitted f) {
      this(f.purchaseModel(), ChurnRiskModel.restore(f.churn()), f.settings().timeUnit());
    }
  }

  /** What one customer's purchases say as of a date. */
  record Assessment(
      List<WarningReason> reasons,
      BigDecimal valueAtRisk,
      BigDecimal previousSpend,
      BigDecimal lastSpend,
      int daysSinceLast,
      @Nullable Integer usualInterval) {}

  /** One customer's purchase dates and amounts. */
  final class Signals {
    final CustomerId customer;
    final List<PurchaseTransaction> purchases = new ArrayList<>();

    Signals(CustomerId customer) {
      this.customer = customer;
    }

    void add(PurchaseTransaction t) {
      purchases.add(t);
    }

    Assessment assess(LocalDate asOf, @Nullable Models models) {
      LocalDate lastStart = asOf.minusDays(periodDays);
      LocalDate previousStart = lastStart.minusDays(periodDays);
      BigDecimal last = BigDecimal.ZERO;
      BigDecimal previous = BigDecimal.ZERO;
      int lastCount = 0;
      List<LocalDate> days = new ArrayList<>();
      for (PurchaseTransaction p : purchases) {
        if (p.date().isAfter(lastStart)) {
          last = last.add(p.amount());
          lastCount++;
        } else if (p.date().isAfter(previousStart)) {
          previous = previous.add(p.amount());
        }
        if (days.isEmpty() || !days.get(days.size() - 1).equals(p.date())) {
          days.add(p.date());
        }
      }
      days.sort(null);
      int sinceLast = (int) ChronoUnit.DAYS.between(days.get(days.size() - 1), asOf);
      Integer usual = null;
      if (days.size() >= 3) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < days.size(); i++) {
          gaps.add(ChronoUnit.DAYS.between(days.get(i - 1), days.get(i)));
        }
        gaps.sort(null);
        usual = (int) Math.max(1, gaps.get(gaps.size() / 2));
      }
      List<WarningReason> reasons = new ArrayList<>();
      if (lastCount > 0
          && previous.signum() > 0
          && last.compareTo(previous.multiply(BigDecimal.valueOf(dropRatio))) <= 0) {
        reasons.add(WarningReason.SPEND_DROP);
      }
      if (usual != null && sinceLast > overdueFactor * usual && sinceLast <= LOST_AFTER_DAYS) {
        reasons.add(WarningReason.OVERDUE);
      }
      if (models != null && sinceLast <= LOST_AFTER_DAYS) {
        List<Transaction> history = new ArrayList<>(purchases.size());
        String id = customer.value().toString();
        for (PurchaseTransaction p : purchases) {
          history.add(new Transaction(id, p.date(), p.amount().doubleValue()));
        }
        CustomerSummary c = CustomerBase.summarise(history, asOf, models.unit()).customers().get(0);
        if (models.purchase().probabilityAlive(c) < pAliveThreshold) {
          reasons.add(WarningReason.LOW_P_ALIVE);
        }
        if (models.churn().score(c).risk() >= churnRiskThreshold) {
          reasons.add(WarningReason.HIGH_CHURN_RISK);
        }
      }
      BigDecimal perYear =
          previous
              .add(last)
              .multiply(BigDecimal.valueOf(365))
              .divide(BigDecimal.valueOf(2L * periodDays), 2, RoundingMode.HALF_UP);
      return new Assessment(reasons, perYear, previous, last, sinceLast, usual);
    }
  }
}
