package org.manyi.clv;

import java.util.Collection;

/**
 * Fitted MBG/NBD model (Batislam, Denizel &amp; Filiztekin 2007): as BG/NBD, but the customer may
 * also drop out right after the first purchase, so one-time buyers who have not come back for a
 * long time get a P(alive) below 1. That makes it more useful than BG/NBD for churn ranking.
 */
public record MbgNbdModel(
    double r, double alpha, double a, double b, double logLikelihood, int customers)
    implements BetaGeometricFamily {

  /**
   * Fits by maximum likelihood on the log-parameters.
   *
   * @throws IllegalArgumentException when there are no customers
   */
  public static MbgNbdModel fit(Collection<CustomerSummary> customers) {
    double[] e = BetaGeometricFamily.fit(customers, true);
    return new MbgNbdModel(e[0], e[1], e[2], e[3], e[4], customers.size());
  }

  @Override
  public ModelType type() {
    return ModelType.MBG_NBD;
  }

  @Override
  public boolean dropOutAfterFirstPurchase() {
    return true;
  }
}
