package org.manyi.clv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.manyi.clv.internal.LogisticRegression;
import org.manyi.clv.internal.ModelVersions;

/**
 * Churn-risk scoring as of a date, using only transactions on or before that date.
 *
 * <p>Default method ({@link Method#LOGISTIC_AS_OF}): a logistic regression on three signals — the
 * Pareto/NBD probability of no purchase in the horizon (as a logit), log(1 + repeat purchases) and
 * weeks since the last purchase. Its coefficients are learnt from the same customer base one
 * training window earlier: features as of {@code asOf - window}, label "no purchase after asOf -
 * window up to asOf". Thus no label from after the as-of date is ever used. The window is the
 * horizon when enough customers existed that early, otherwise the longest of 3/4, 1/2 and 1/3 of
 * the horizon that has enough customers of both outcomes. On the CDNOW sample (as of 1997-09-30,
 * 39-week horizon) this ranks with AUC about 0.78, the best of the signals we measured; see the
 * churn tests for every signal's AUC.
 *
 * <p>When no window has enough training customers, the score falls back to {@link
 * Method#MODEL_PROBABILITY}: the Pareto/NBD P(no purchase in horizon), which needs no labels.
 */
public final class ChurnRiskModel {

  /** How the risk is computed. */
  public enum Method {
    /** Logistic combination of signals fitted on an earlier cut-off of the same base. */
    LOGISTIC_AS_OF,
    /** Pareto/NBD probability of no purchase in the horizon. */
    MODEL_PROBABILITY
  }

  /** Fractions of the horizon tried, longest first, as training window. */
  private static final double[] WINDOW_FRACTIONS = {1, 0.75, 0.5, 1.0 / 3};

  /** Least number of training customers, and of each outcome, for a trustworthy regression. */
  static final int MIN_TRAINING_CUSTOMERS = 200;

  static final int MIN_TRAINING_PER_OUTCOME = 30;

  /** Probabilities are clipped away from 0 and 1 before taking logits. */
  private static final double LOGIT_CLIP = 1e-9;

  /** Reasons: overdue ratio above which "overdue" is mentioned. */
  private static final double OVERDUE_MENTION = 2;

  /** Reasons: drop of the mean repeat value below the first purchase, in log terms (≈ -25 %). */
  private static final double SPEND_DROP_MENTION = Math.log(0.75);

  private static final int MAX_REASONS = 3;

  private static final double DAYS_PER_WEEK = 7;

  private static final String[] FEATURE_NAMES = {
    "model P(no purchase)", "repeat purchases", "weeks since last purchase"
  };

  /**
   * Everything needed to score summaries again later, e.g. stored with a fit and applied to a
   * customer's summary as of a later date. Holds no customer data.
   */
  public record Parameters(
      LocalDate asOf,
      TimeUnit unit,
      double horizon,
      Method method,
      BgNbdModel bgNbd,
      ParetoNbdModel paretoNbd,
      MbgNbdModel mbgNbd,
      @Nullable Double populationMeanGap,
      double @Nullable [] coefficients,
      double @Nullable [] trainingMeans,
      @Nullable LocalDate trainingCutOff) {}

  private final LocalDate asOf;
  private final TimeUnit unit;
  private final double horizon;
  private final @Nullable CustomerBase base;
  private final ChurnSignals signals;
  private final Method method;
  private final double @Nullable [] coefficients;
  private final double @Nullable [] trainingMeans;
  private final @Nullable LocalDate trainingCutOff;

  private ChurnRiskModel(
      LocalDate asOf,
      TimeUnit unit,
      double horizon,
      @Nullable CustomerBase base,
      ChurnSignals signals,
      Method method,
      double @Nullable [] coefficients,
      double @Nullable [] trainingMeans,
      @Nullable LocalDate trainingCutOff) {
    this.asOf = asOf;
    this.unit = unit;
    this.horizon = horizon;
    this.base = base;
    this.signals = signals;
    this.method = method;
    this.coefficients = coefficients;
    this.trainingMeans = trainingMeans;
    this.trainingCutOff = trainingCutOff;
  }

  /**
   * Fits the risk model as of {@code asOf}; transactions after {@code asOf} are ignored.
   *
   * @param log the transaction log (may contain later transactions; they are dropped)
   * @param asOf scoring date (inclusive)
   * @param unit time unit of the models
   * @param horizon churn horizon in {@code unit}: churn = no purchase within it
   * @throws IllegalArgumentException for a non-positive horizon, or no purchase on or before asOf
   */
  public static ChurnRiskModel fit(
      Collection<Transaction> log, LocalDate asOf, TimeUnit unit, double horizon) {
    Objects.requireNonNull(asOf, "asOf");
    PurchaseModel.requirePositive(horizon, "horizon");
    List<Transaction> known = new ArrayList<>();
    for (Transaction t : log) {
      if (!t.date().isAfter(asOf)) {
        known.add(t);
      }
    }
    CustomerBase base = CustomerBase.summarise(known, asOf, unit);
    ChurnSignals signals = ChurnSignals.fit(base.customers(), unit, horizon);
    for (double fraction : WINDOW_FRACTIONS) {
      long windowDays = Math.round(fraction * horizon * unit.days());
      LocalDate cutOff = asOf.minusDays(windowDays);
      double[][] training = trainingSet(known, cutOff, asOf, unit, windowDays);
      if (training != null) {
        return fromTraining(asOf, unit, horizon, base, signals, cutOff, training);
      }
    }
    return new ChurnRiskModel(
        asOf, unit, horizon, base, signals, Method.MODEL_PROBABILITY, null, null, null);
  }

  /**
   * Features and labels (last column, 1 = churned) at {@code cutOff}, or null when too few
   * customers of either outcome existed.
   */
  private static double @Nullable [][] trainingSet(
      List<Transaction> known, LocalDate cutOff, LocalDate asOf, TimeUnit unit, long windowDays) {
    if (windowDays < 1) {
      return null;
    }
    CustomerBase earlier;
    try {
      earlier = CustomerBase.summarise(known, cutOff, asOf, unit);
    } catch (IllegalArgumentException noCustomersYet) {
      return null;
    }
    List<CustomerSummary> cs = earlier.customers();
    int churned = 0;
    for (CustomerSummary c : cs) {
      if (c.holdoutFrequency() == 0) {
        churned++;
      }
    }
    if (cs.size() < MIN_TRAINING_CUSTOMERS
        || churned < MIN_TRAINING_PER_OUTCOME
        || cs.size() - churned < MIN_TRAINING_PER_OUTCOME) {
      return null;
    }
    ParetoNbdModel pareto;
    try {
      pareto = ParetoNbdModel.fit(cs);
    } catch (RuntimeException fitFailed) {
      return null; // an early base can be too degenerate to fit; try a shorter window
    }
    double window = earlier.holdoutLength();
    double[][] rows = new double[cs.size()][];
    for (int i = 0; i < rows.length; i++) {
      CustomerSummary c = cs.get(i);
      double[] f = features(pareto, unit, window, c);
      rows[i] = new double[] {f[0], f[1], f[2], c.holdoutFrequency() == 0 ? 1 : 0};
    }
    return rows;
  }

  private static ChurnRiskModel fromTraining(
      LocalDate asOf,
      TimeUnit unit,
      double horizon,
      CustomerBase base,
      ChurnSignals signals,
      LocalDate cutOff,
      double[][] training) {
    int n = training.length;
    int k = FEATURE_NAMES.length;
    double[][] x = new double[n][k];
    boolean[] y = new boolean[n];
    double[] means = new double[k];
    for (int i = 0; i < n; i++) {
      System.arraycopy(training[i], 0, x[i], 0, k);
      y[i] = training[i][k] == 1;
      for (int j = 0; j < k; j++) {
        means[j] += x[i][j] / n;
      }
    }
    double[] b = LogisticRegression.fit(x, y);
    return new ChurnRiskModel(
        asOf, unit, horizon, base, signals, Method.LOGISTIC_AS_OF, b, means, cutOff);
  }

  /** The three regression features of a customer. */
  private static double[] features(
      ParetoNbdModel pareto, TimeUnit unit, double horizon, CustomerSummary c) {
    return new double[] {
      logit(pareto.probabilityNoPurchase(horizon, c)),
      Math.log1p(c.frequency()),
      c.timeSinceLastPurchase() * unit.days() / DAYS_PER_WEEK
    };
  }

  private static double logit(double p) {
    double q = Math.min(Math.max(p, LOGIT_CLIP), 1 - LOGIT_CLIP);
    return Math.log(q / (1 - q));
  }

  /** Scores a summary as of {@link #asOf()} (or, for a restored model, a later date). */
  public ChurnScore score(CustomerSummary c) {
    double risk;
    List<ChurnReason> reasons = new ArrayList<>();
    double p0 = signals.value(ChurnSignal.NO_PURCHASE_PARETO_NBD, c);
    if (method == Method.LOGISTIC_AS_OF && coefficients != null && trainingMeans != null) {
      double[] f = features(signals.paretoNbd(), unit, horizon, c);
      risk = LogisticRegression.predict(coefficients, f);
      // contributions relative to the average training customer, strongest risk drivers first
      double[] contribution = new double[f.length];
      for (int j = 0; j < f.length; j++) {
        contribution[j] = coefficients[j + 1] * (f[j] - trainingMeans[j]);
      }
      Integer[] order = {0, 1, 2};
      java.util.Arrays.sort(order, (p, q) -> Double.compare(contribution[q], contribution[p]));
      for (int j : order) {
        if (contribution[j] > 0) {
          reasons.add(reason(j, c, p0, false));
        }
      }
      if (reasons.isEmpty()) {
        // a low-risk customer: explain with the signal that lowers the risk most
        reasons.add(reason(order[order.length - 1], c, p0, true));
      }
    } else {
      risk = p0;
      reasons.add(reason(0, c, p0, false));
      reasons.add(reason(2, c, p0, false));
    }
    addSupportingFacts(c, reasons);
    List<ChurnReason> top =
        reasons.size() > MAX_REASONS ? reasons.subList(0, MAX_REASONS) : reasons;
    return new ChurnScore(c.customerId(), Math.min(1, Math.max(0, risk)), top, version());
  }

  /** Scores every customer of the as-of base, in customer-id order. */
  public List<ChurnScore> scoreAll() {
    List<ChurnScore> out = new ArrayList<>(customers().size());
    for (CustomerSummary c : customers()) {
      out.add(score(c));
    }
    return out;
  }

  private ChurnReason reason(int feature, CustomerSummary c, double p0, boolean lowersRisk) {
    String prefix = lowersRisk ? "low risk: " : "";
    return switch (feature) {
      case 0 -> {
        long percent = Math.round(100 * p0);
        yield new ChurnReason(
            ChurnReason.Code.MODEL_NO_PURCHASE,
            lowersRisk,
            List.of(percent, Math.round(horizon), unitName()),
            prefix
                + "Pareto/NBD model: "
                + percent
                + "% chance of no purchase in the next "
                + span(horizon));
      }
      case 1 ->
          c.frequency() == 0
              ? new ChurnReason(
                  ChurnReason.Code.NO_REPEAT,
                  lowersRisk,
                  List.of(),
                  prefix + "no repeat purchase since the first order")
              : new ChurnReason(
                  ChurnReason.Code.REPEAT_PURCHASES,
                  lowersRisk,
                  List.of(c.frequency()),
                  prefix + c.frequency() + " repeat purchase" + (c.frequency() == 1 ? "" : "s"));
      default ->
          new ChurnReason(
              ChurnReason.Code.LAST_PURCHASE,
              lowersRisk,
              List.of(Math.round(c.timeSinceLastPurchase()), unitName()),
              prefix + "last purchase " + span(c.timeSinceLastPurchase()) + " ago");
    };
  }

  private void addSupportingFacts(CustomerSummary c, List<ChurnReason> reasons) {
    double overdue = signals.value(ChurnSignal.OVERDUE_RATIO, c);
    if (c.frequency() > 0 && overdue > OVERDUE_MENTION) {
      double gap = signals.meanGap(c);
      String ratio = String.format(Locale.ROOT, "%.1f", overdue);
      reasons.add(
          new ChurnReason(
              ChurnReason.Code.OVERDUE,
              false,
              List.of(ratio, Math.round(gap), unitName()),
              "last purchase "
                  + ratio
                  + " times the customer's usual gap ago ("
                  + span(gap)
                  + ")"));
    }
    if (-signals.value(ChurnSignal.FALLING_SPEND, c) < SPEND_DROP_MENTION) {
      String repeat = String.format(Locale.ROOT, "%.2f", c.averageRepeatValue());
      String first = String.format(Locale.ROOT, "%.2f", c.firstPurchaseValue());
      reasons.add(
          new ChurnReason(
              ChurnReason.Code.SPEND_FALLING,
              false,
              List.of(repeat, first),
              "repeat orders average " + repeat + " against a first order of " + first));
    }
  }

  private String unitName() {
    return unit.name();
  }

  private String span(double time) {
    long rounded = Math.round(time);
    String name = unit == TimeUnit.WEEK ? "week" : "day";
    return rounded + " " + name + (rounded == 1 ? "" : "s");
  }

  /** Version tag: method, as-of date, horizon and every fitted parameter. */
  public String version() {
    double[] params = coefficients == null ? new double[0] : coefficients;
    return ModelVersions.of(
        "CHURN_" + method + "_" + asOf + "_h" + horizon + "_" + signals.paretoNbd().version(),
        params);
  }

  public LocalDate asOf() {
    return asOf;
  }

  public double horizon() {
    return horizon;
  }

  public TimeUnit unit() {
    return unit;
  }

  public Method method() {
    return method;
  }

  /** Start of the training window (features as of this date), null without regression. */
  public @Nullable LocalDate trainingCutOff() {
    return trainingCutOff;
  }

  /** Intercept and coefficients of the regression, null without regression. */
  public double @Nullable [] coefficients() {
    return coefficients == null ? null : coefficients.clone();
  }

  /** Names of the regression features, in coefficient order after the intercept. */
  public static List<String> featureNames() {
    return List.of(FEATURE_NAMES);
  }

  /** The as-of customer summaries the model was fitted on; empty for a restored model. */
  public List<CustomerSummary> customers() {
    return base == null ? List.of() : base.customers();
  }

  /** The fitted state, to {@link #restore} the model without its customers. */
  public Parameters parameters() {
    double gap = signals.populationMeanGap();
    return new Parameters(
        asOf,
        unit,
        horizon,
        method,
        signals.bgNbd(),
        signals.paretoNbd(),
        signals.mbgNbd(),
        Double.isNaN(gap) ? null : gap,
        coefficients(),
        trainingMeans == null ? null : trainingMeans.clone(),
        trainingCutOff);
  }

  /**
   * A model that scores like the one the parameters came from; {@link #customers()} is empty.
   * Scoring a summary as of a later date applies the old fit to the newer history, which still uses
   * nothing after that date.
   */
  public static ChurnRiskModel restore(Parameters p) {
    ChurnSignals signals =
        new ChurnSignals(
            p.unit(),
            p.horizon(),
            p.bgNbd(),
            p.paretoNbd(),
            p.mbgNbd(),
            p.populationMeanGap() == null ? Double.NaN : p.populationMeanGap());
    return new ChurnRiskModel(
        p.asOf(),
        p.unit(),
        p.horizon(),
        null,
        signals,
        p.method(),
        p.coefficients() == null ? null : p.coefficients().clone(),
        p.trainingMeans() == null ? null : p.trainingMeans().clone(),
        p.trainingCutOff());
  }

  /** The fitted signals as of the scoring date. */
  public ChurnSignals signals() {
    return signals;
  }
}
