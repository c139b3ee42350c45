package org.manyi.value.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.clv.ChurnMetrics;
import org.manyi.clv.ChurnRiskModel;
import org.manyi.clv.ChurnScore;
import org.manyi.clv.ChurnSignal;
import org.manyi.clv.CustomerSummary;
import org.manyi.clv.TimeUnit;
import org.manyi.clv.Transaction;
import org.manyi.orders.PurchaseSummaries;
import org.manyi.platform.Jobs;
import org.manyi.platform.ProblemException;
import org.springframework.stereotype.Service;

/**
 * The churn backtest on the company's own history: score every customer as of a past cut-off with
 * each signal and the combined risk, using only purchases up to the cut-off, then compare with what
 * happened in the horizon after it ("churned" = no purchase). Reports AUC, the top decile and the
 * calibration, and proposes the best-ranking score as the default.
 */
@Service
public class ChurnBacktests {

  public static final String JOB_TYPE = "churn-backtest";
  static final String COMBINED = "COMBINED";

  /** How one score ranked the customers. */
  public record SignalResult(
      String signal, String description, double auc, ChurnMetrics.TopFraction topDecile) {}

  /** Default precision wanted from the proposed warning threshold. */
  static final double DEFAULT_TARGET_PRECISION = 0.8;

  private static final double DAYS_PER_MONTH = 365.25 / 12;

  /**
   * The threshold on the churn risk that reaches the target precision, and what it would have
   * meant: of the customers flagged at the cut-off, how many did (true alarms) and did not (false
   * alarms) churn, and the same spread evenly over the months of the horizon.
   */
  public record ProposedThreshold(
      double targetPrecision,
      ChurnMetrics.AtThreshold threshold,
      int trueAlarms,
      int falseAlarms,
      double trueAlarmsPerMonth,
      double falseAlarmsPerMonth) {}

  /**
   * A finished backtest.
   *
   * @param atWarningThreshold the combined risk at the threshold the churn warnings use now
   * @param proposedThreshold null when no threshold reaches the target precision
   */
  public record Result(
      LocalDate cutoff,
      int horizonDays,
      int customers,
      double churnRate,
      List<SignalResult> signals,
      String proposed,
      ChurnMetrics.AtThreshold atHalf,
      ChurnMetrics.AtThreshold atWarningThreshold,
      @Nullable ProposedThreshold proposedThreshold,
      List<ChurnMetrics.CalibrationBin> calibration,
      String method) {}

  private final PurchaseSummaries purchases;
  private final Jobs jobs;
  private final ChurnWarnings warnings;
  private final Clock clock = Clock.systemUTC();

  ChurnBacktests(PurchaseSummaries purchases, Jobs jobs, ChurnWarnings warnings) {
    this.purchases = purchases;
    this.jobs = jobs;
    this.warnings = warnings;
  }

  /**
   * Starts a backtest job.
   *
   * @param targetPrecision precision wanted from the proposed threshold, 0.8 when absent
   * @throws ProblemException 400 naming {@code cutoff}, {@code horizonDays} or {@code
   *     targetPrecision} when the horizon does not end by today (its outcome is not known yet), is
   *     not 1–730 days, or the precision is not above 0 and at most 1
   */
  public UUID start(
      @Nullable LocalDate cutoff,
      @Nullable Integer horizonDays,
      @Nullable Double targetPrecision,
      String owner) {
    if (cutoff == null) {
      throw ProblemException.invalid("cutoff", "value.backtest.cutoff.required");
    }
    if (horizonDays == null || horizonDays < 1 || horizonDays > 730) {
      throw ProblemException.invalid("horizonDays", "value.backtest.horizon.range");
    }
    LocalDate today = LocalDate.now(clock.withZone(RfmAnalysis.BUSINESS_ZONE));
    if (cutoff.plusDays(horizonDays).isAfter(today)) {
      throw ProblemException.invalid("horizonDays", "value.backtest.horizon.future");
    }
    double precision = targetPrecision == null ? DEFAULT_TARGET_PRECISION : targetPrecision;
    if (!(precision > 0 && precision <= 1)) {
      throw ProblemException.invalid("targetPrecision", "value.backtest.precision.range");
    }
    return jobs.submit(
        JOB_TYPE,
        owner,
        job -> {
          Result result = run(cutoff, horizonDays, precision);
          job.message(
              "customers %d, churned in the horizon %.1f%%, proposed default %s"
                  .formatted(result.customers(), 100 * result.churnRate(), result.proposed()));
          result.signals().stream()
              .sorted(Comparator.comparingDouble(SignalResult::auc).reversed())
              .forEach(
                  s ->
                      job.message(
                          "AUC %.3f, top-decile lift %.2f: %s"
                              .formatted(s.auc(), s.topDecile().lift(), s.description())));
          job.result(result);
        });
  }

  Result run(LocalDate cutoff, int horizonDays, double targetPrecision) {
    LocalDate end = cutoff.plusDays(horizonDays);
    List<Transaction> log = new ArrayList<>();
    Set<String> boughtInHorizon = new HashSet<>();
    purchases.transactions(
        end,
        t -> {
          String id = t.customer().value().toString();
          if (t.date().isAfter(cutoff)) {
            boughtInHorizon.add(id);
          } else {
            log.add(new Transaction(id, t.date(), t.amount().doubleValue()));
          }
        });
    if (log.isEmpty()) {
      throw ProblemException.invalid("cutoff", "value.backtest.noData");
    }
    ChurnRiskModel model = ChurnRiskModel.fit(log, cutoff, TimeUnit.DAY, horizonDays);
    List<CustomerSummary> customers = model.customers();
    boolean[] churned = new boolean[customers.size()];
    int churners = 0;
    for (int i = 0; i < churned.length; i++) {
      churned[i] = !boughtInHorizon.contains(customers.get(i).customerId());
      churners += churned[i] ? 1 : 0;
    }
    List<SignalResult> results = new ArrayList<>();
    for (ChurnSignal signal : ChurnSignal.values()) {
      double[] values = new double[customers.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = model.signals().value(signal, customers.get(i));
      }
      results.add(
          new SignalResult(
              signal.name(),
              signal.description(),
              ChurnMetrics.auc(values, churned),
              ChurnMetrics.topDecile(values, churned)));
    }
    double[] risk = model.scoreAll().stream().mapToDouble(ChurnScore::risk).toArray();
    results.add(
        new SignalResult(
            COMBINED,
            "combined risk (" + model.method() + ")",
            ChurnMetrics.auc(risk, churned),
            ChurnMetrics.topDecile(risk, churned)));
    String proposed =
        results.stream()
            .filter(r -> !Double.isNaN(r.auc()))
            .max(Comparator.comparingDouble(SignalResult::auc))
            .map(SignalResult::signal)
            .orElse(COMBINED);
    return new Result(
        cutoff,
        horizonDays,
        customers.size(),
        customers.isEmpty() ? 0 : (double) churners / customers.size(),
        results,
        proposed,
        ChurnMetrics.atThreshold(risk, churned, 0.5),
        ChurnMetrics.atThreshold(risk, churned, warnings.churnRiskThreshold()),
        ChurnMetrics.thresholdForPrecision(risk, churned, targetPrecision)
            .map(t -> proposal(targetPrecision, t, horizonDays))
            .orElse(null),
        ChurnMetrics.calibration(risk, churned),
        model.method().name());
  }

  private static ProposedThreshold proposal(
      double targetPrecision, ChurnMetrics.AtThreshold t, int horizonDays) {
    int hits = (int) Math.round(t.precision() * t.flagged());
    double months = horizonDays / DAYS_PER_MONTH;
    return new ProposedThreshold(
        targetPrecision, t, hits, t.flagged() - hits, hits / months, (t.flagged() - hits) / months);
  }
}
