package org.manyi.clv;

import java.util.Collection;

/**
 * Fitted BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way"): while
 * alive a customer buys as a Poisson process with rate λ ~ Gamma(r, alpha); after each repeat
 * purchase the customer drops out with probability p ~ Beta(a, b).
 *
 * <p>Known limitation: a customer without repeat purchase has had no chance to drop out, so
 * P(alive) is 1 for every one-time buyer; use {@link MbgNbdModel} or {@link #probabilityNoPurchase}
 * for churn ranking.
 */
public record BgNbdModel(
    double r, double alpha, double a, double b, double logLikelihood, int customers)
    implements BetaGeometricFamily {

  /**
   * Fits by maximum likelihood on the log-parameters.
   *
   * @throws IllegalArgumentException when there are no customers
   */
  public static BgNbdModel fit(Collection<CustomerSummary> customers) {
    double[] e = BetaGeometricFamily.fit(customers, false);
    return new BgNbdModel(e[0], e[1], e[2], e[3], e[4], customers.size());
  }

  @Override
  public ModelType type() {
    return ModelType.BG_NBD;
  }

  @Override
  public boolean dropOutAfterFirstPurchase() {
    return false;
  }
}
