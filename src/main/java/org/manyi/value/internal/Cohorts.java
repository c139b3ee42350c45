package org.manyi.value.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.orders.PurchaseSummaries;
import org.springframework.stereotype.Service;

/**
 * Cohort retention from the purchase history: customers grouped by the period of their first
 * purchase, and for each later period the share of the cohort who bought in it. Per period, the
 * retention rate is the share of the previous period's buyers who bought again in this one, and the
 * defection rate its complement. Streams the purchases once, holding one customer at a time.
 */
@Service
public class Cohorts {

  /** At most this many periods in one table, so a customer's periods fit in one long. */
  public static final int MAX_PERIODS = 60;

  static final int DEFAULT_MONTHS = 12;

  /**
   * One cohort.
   *
   * @param active buyers of the cohort in its first period and each one after, up to the table's
   *     end
   * @param retention {@code active / customers} for each of those periods
   */
  public record CohortRow(
      String cohort, long customers, List<Long> active, List<Double> retention) {}

  /**
   * Retention and defection in one period.
   *
   * @param previousActive buyers of the previous period
   * @param retained those of them who bought again in this period
   * @param retentionRate {@code retained / previousActive}; absent when nobody bought before
   * @param defectionRate {@code 1 - retentionRate}
   */
  public record PeriodRate(
      String period,
      long active,
      long newCustomers,
      long previousActive,
      long retained,
      @Nullable Double retentionRate,
      @Nullable Double defectionRate) {}

  /** The cohort table of a range of periods. */
  public record Table(
      CohortPeriod period,
      String from,
      String to,
      List<String> periods,
      List<CohortRow> cohorts,
      List<PeriodRate> rates) {}

  private final PurchaseSummaries purchases;
  private final Clock clock = Clock.systemUTC();

  Cohorts(PurchaseSummaries purchases) {
    this.purchases = purchases;
  }

  /** The current month in the business's time zone. */
  public YearMonth thisMonth() {
    return YearMonth.now(clock.withZone(RfmAnalysis.BUSINESS_ZONE));
  }

  /**
   * The table for the periods holding {@code from} to {@code to}, by default the last 12 months.
   *
   * @throws org.manyi.platform.ProblemException 400 naming the field when {@code from} is after
   *     {@code to}, {@code to} is in the future or the range is longer than {@link #MAX_PERIODS}
   */
  public Table table(@Nullable YearMonth from, @Nullable YearMonth to, CohortPeriod period) {
    YearMonth last = to == null ? thisMonth() : to;
    YearMonth first = from == null ? last.minusMonths(DEFAULT_MONTHS - 1L) : from;
    if (last.isAfter(thisMonth())) {
      throw org.manyi.platform.ProblemException.invalid("to", "value.cohorts.future");
    }
    if (first.isAfter(last)) {
      throw org.manyi.platform.ProblemException.invalid("from", "value.period.order");
    }
    long start = period.index(first);
    long end = period.index(last);
    if (end - start + 1 > MAX_PERIODS) {
      throw org.manyi.platform.ProblemException.invalid("from", "value.cohorts.range", MAX_PERIODS);
    }
    int n = (int) (end - start + 1);
    long[] cohortSize = new long[n];
    long[][] cohortActive = new long[n][n];
    long[] active = new long[n];
    long[] newCustomers = new long[n];
    long[] previousActive = new long[n];
    long[] retained = new long[n];
    // bit 0 is the period before the first, so the first period has a previous one too
    Customer current = new Customer();
    Runnable fold =
        () -> {
          long mask = current.mask;
          for (int p = 0; p < n; p++) {
            boolean now = (mask & (1L << (p + 1))) != 0;
            boolean before = (mask & (1L << p)) != 0;
            if (now) {
              active[p]++;
            }
            if (before) {
              previousActive[p]++;
              if (now) {
                retained[p]++;
              }
            }
          }
          long cohort = current.firstIndex - start;
          if (cohort >= 0 && cohort < n) {
            int c = (int) cohort;
            cohortSize[c]++;
            newCustomers[c]++;
            for (int p = c; p < n; p++) {
              if ((mask & (1L << (p + 1))) != 0) {
                cohortActive[c][p - c]++;
              }
            }
          }
        };
    purchases.transactions(
        last.atEndOfMonth(),
        t -> {
          if (current.customer != null && !current.customer.equals(t.customer())) {
            fold.run();
            current.reset();
          }
          current.add(t.customer(), period.index(t.date()), start);
        });
    if (current.customer != null) {
      fold.run();
    }
    List<String> labels = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      labels.add(period.label(start + p));
    }
    List<CohortRow> cohorts = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      List<Long> counts = new ArrayList<>();
      List<Double> shares = new ArrayList<>();
      for (int k = 0; k < n - c; k++) {
        counts.add(cohortActive[c][k]);
        shares.add(cohortSize[c] == 0 ? 0.0 : (double) cohortActive[c][k] / cohortSize[c]);
      }
      cohorts.add(new CohortRow(labels.get(c), cohortSize[c], counts, shares));
    }
    List<PeriodRate> rates = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      Double retention = previousActive[p] == 0 ? null : (double) retained[p] / previousActive[p];
      rates.add(
          new PeriodRate(
              labels.get(p),
              active[p],
              newCustomers[p],
              previousActive[p],
              retained[p],
              retention,
              retention == null ? null : 1 - retention));
    }
    return new Table(period, labels.get(0), labels.get(n - 1), labels, cohorts, rates);
  }

  /** One customer's purchases as they stream by (ordered by date). */
  private static final class Customer {
    @Nullable CustomerId customer;
    long firstIndex = Long.MAX_VALUE;
    long mask;

    void add(CustomerId who, long index, long start) {
      customer = who;
      firstIndex = Math.min(firstIndex, index);
      long bit = index - start + 1;
      if (bit >= 0 && bit < 63) {
        mask |= 1L << bit;
      }
    }

    void reset() {
      customer = null;
      firstIndex = Long.MAX_VALUE;
      mask = 0;
    }
  }
}
