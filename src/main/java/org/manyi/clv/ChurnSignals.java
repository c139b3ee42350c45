package org.manyi.clv;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fitted models and population figures needed to compute {@link ChurnSignal}s for customers of
 * one as-of summary.
 *
 * @param unit time unit of the summaries
 * @param horizon churn horizon in {@code unit}
 * @param bgNbd BG/NBD fitted on the as-of summary
 * @param paretoNbd Pareto/NBD fitted on the as-of summary
 * @param mbgNbd MBG/NBD fitted on the as-of summary
 * @param populationMeanGap mean inter-purchase time t_x / x over repeat buyers, in {@code unit}
 */
public record ChurnSignals(
    TimeUnit unit,
    double horizon,
    BgNbdModel bgNbd,
    ParetoNbdModel paretoNbd,
    MbgNbdModel mbgNbd,
    double populationMeanGap) {

  /** Rule of thumb threshold of {@link ChurnSignal#NO_PURCHASE_13_WEEKS}, in days. */
  static final int RULE_DAYS = 13 * 7;

  /** Smallest mean gap used in {@link ChurnSignal#OVERDUE_RATIO}: one day, in any unit. */
  private static final double MIN_GAP_DAYS = 1;

  public ChurnSignals {
    Objects.requireNonNull(unit, "unit");
    PurchaseModel.requirePositive(horizon, "horizon");
  }

  /**
   * Fits the three purchase models on the summaries (which must all be as of the same date).
   *
   * @throws IllegalArgumentException for an empty base or a non-positive horizon
   */
  public static ChurnSignals fit(
      Collection<CustomerSummary> customers, TimeUnit unit, double horizon) {
    PurchaseModel.requirePositive(horizon, "horizon");
    double gapSum = 0;
    int repeaters = 0;
    for (CustomerSummary c : customers) {
      if (c.frequency() > 0) {
        gapSum += c.recency() / c.frequency();
        repeaters++;
      }
    }
    double meanGap = repeaters == 0 ? Double.NaN : gapSum / repeaters;
    return new ChurnSignals(
        unit,
        horizon,
        BgNbdModel.fit(customers),
        ParetoNbdModel.fit(customers),
        MbgNbdModel.fit(customers),
        meanGap);
  }

  /** All signals of one customer. */
  public Map<ChurnSignal, Double> of(CustomerSummary c) {
    Map<ChurnSignal, Double> m = new EnumMap<>(ChurnSignal.class);
    for (ChurnSignal s : ChurnSignal.values()) {
      m.put(s, value(s, c));
    }
    return m;
  }

  /** One signal of one customer (higher = more likely to churn). */
  public double value(ChurnSignal signal, CustomerSummary c) {
    double weeksPerUnit = unit.days() / 7.0;
    return switch (signal) {
      case DEAD_BG_NBD -> 1 - bgNbd.probabilityAlive(c);
      case DEAD_PARETO_NBD -> 1 - paretoNbd.probabilityAlive(c);
      case DEAD_MBG_NBD -> 1 - mbgNbd.probabilityAlive(c);
      case FEW_EXPECTED_PURCHASES_BG_NBD -> -bgNbd.expectedPurchases(horizon, c);
      case FEW_EXPECTED_PURCHASES_PARETO_NBD -> -paretoNbd.expectedPurchases(horizon, c);
      case NO_PURCHASE_BG_NBD -> bgNbd.probabilityNoPurchase(horizon, c);
      case NO_PURCHASE_PARETO_NBD -> paretoNbd.probabilityNoPurchase(horizon, c);
      case NO_PURCHASE_MBG_NBD -> mbgNbd.probabilityNoPurchase(horizon, c);
      case WEEKS_SINCE_LAST_PURCHASE -> c.timeSinceLastPurchase() * weeksPerUnit;
      case NO_PURCHASE_13_WEEKS -> c.timeSinceLastPurchase() * unit.days() > RULE_DAYS ? 1 : 0;
      case OVERDUE_RATIO -> c.timeSinceLastPurchase() / meanGap(c);
      case LOW_FREQUENCY -> -c.frequency();
      case FALLING_SPEND -> fallingSpend(c);
    };
  }

  /** The customer's own mean gap between purchases, or the population's for one-time buyers. */
  double meanGap(CustomerSummary c) {
    double gap = c.frequency() > 0 ? c.recency() / c.frequency() : populationMeanGap;
    double min = MIN_GAP_DAYS / unit.days();
    return Double.isNaN(gap) ? min : Math.max(gap, min);
  }

  private static double fallingSpend(CustomerSummary c) {
    if (c.frequency() == 0 || !(c.averageRepeatValue() > 0) || !(c.firstPurchaseValue() > 0)) {
      return 0;
    }
    return -Math.log(c.averageRepeatValue() / c.firstPurchaseValue());
  }
}
