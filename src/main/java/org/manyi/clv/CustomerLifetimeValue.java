package org.manyi.clv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Discounted customer lifetime value: Σ_k (E[Y(k L)] - E[Y((k-1) L)]) · E[M] / (1 + d)^k over the
 * periods k = 1..n of length L, where E[Y] is the purchase model's conditional expectation and E[M]
 * the Gamma-Gamma expected value per purchase. Purchases are counted at the end of their period
 * (the usual discrete-time convention of the literature and of common implementations).
 */
public final class CustomerLifetimeValue {

  private CustomerLifetimeValue() {}

  /** Estimates one customer's value. */
  public static ClvEstimate estimate(
      PurchaseModel purchases, GammaGammaModel spend, CustomerSummary c, ClvHorizon horizon) {
    Objects.requireNonNull(horizon, "horizon");
    double aov = spend.expectedAverageValue(c);
    double previous = 0;
    double value = 0;
    double discount = 1;
    for (int k = 1; k <= horizon.periods(); k++) {
      double cumulative = purchases.expectedPurchases(k * horizon.periodLength(), c);
      discount /= 1 + horizon.discountRatePerPeriod();
      value += (cumulative - previous) * aov * discount;
      previous = cumulative;
    }
    return new ClvEstimate(
        c.customerId(), value, previous, aov, purchases.version() + "+" + spend.version());
  }

  /** Estimates every customer's value. */
  public static List<ClvEstimate> estimate(
      PurchaseModel purchases,
      GammaGammaModel spend,
      Collection<CustomerSummary> customers,
      ClvHorizon horizon) {
    List<ClvEstimate> out = new ArrayList<>(customers.size());
    for (CustomerSummary c : customers) {
      out.add(estimate(purchases, spend, c, horizon));
    }
    return out;
  }
}
