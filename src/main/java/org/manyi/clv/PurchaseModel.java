package org.manyi.clv;

import java.util.Map;

/**
 * A fitted model of repeat-purchase and drop-out behaviour. Times (t_x, T, horizons) are in the
 * time unit of the summaries the model was fitted on.
 */
public sealed interface PurchaseModel permits BetaGeometricFamily, ParetoNbdModel {

  /** Which model this is. */
  ModelType type();

  /** Named parameter estimates, in the literature's order. */
  Map<String, Double> parameters();

  /** Maximised log-likelihood of the fitting data (sum over customers). */
  double logLikelihood();

  /** Number of customers the model was fitted on. */
  int customers();

  /** Model name plus a digest of the parameters; tags every prediction. */
  String version();

  /** Log-likelihood of one customer with frequency x, recency t_x and age T. */
  double logLikelihood(int x, double tx, double age);

  /** Probability that the customer is still alive at the end of the calibration period. */
  double probabilityAlive(int x, double tx, double age);

  /** Expected number of purchases after T up to T + t given the customer's history. */
  double expectedPurchases(double t, int x, double tx, double age);

  /** Expected number of repeat purchases of a newly acquired customer within t. */
  double expectedPurchasesNewCustomer(double t);

  /**
   * Probability of no purchase at all after T up to T + h given the history. This is the ratio of
   * the likelihood of the same history observed until T + h to the likelihood observed until T,
   * which holds for every model here: "x purchases, the last at t_x, none until T + h" is exactly
   * the event "none after T up to T + h" added to the history.
   *
   * @throws IllegalArgumentException when {@code h <= 0}
   */
  default double probabilityNoPurchase(double h, int x, double tx, double age) {
    requirePositive(h, "horizon");
    return Math.min(1, Math.exp(logLikelihood(x, tx, age + h) - logLikelihood(x, tx, age)));
  }

  default double probabilityAlive(CustomerSummary c) {
    return probabilityAlive(c.frequency(), c.recency(), c.age());
  }

  default double expectedPurchases(double t, CustomerSummary c) {
    return expectedPurchases(t, c.frequency(), c.recency(), c.age());
  }

  default double probabilityNoPurchase(double h, CustomerSummary c) {
    return probabilityNoPurchase(h, c.frequency(), c.recency(), c.age());
  }

  /** Throws a clear exception for a non-positive or non-finite time span. */
  static void requirePositive(double value, String what) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(what + " must be positive and finite, was " + value);
    }
  }
}
