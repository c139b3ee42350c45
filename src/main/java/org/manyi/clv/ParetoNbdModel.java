package org.manyi.clv;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.manyi.clv.internal.MaximumLikelihood;
import org.manyi.clv.internal.ModelVersions;
import org.manyi.clv.internal.ParetoNbdLikelihood;
import org.manyi.clv.internal.RfGroups;

/**
 * Fitted Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987): while alive a customer buys
 * as a Poisson process with rate λ ~ Gamma(r, alpha) and stays alive for an exponential lifetime
 * with rate μ ~ Gamma(s, beta). Unlike BG/NBD, drop-out can happen at any time, so P(alive) of a
 * one-time buyer falls with the time since the first purchase.
 */
public record ParetoNbdModel(
    double r, double alpha, double s, double beta, double logLikelihood, int customers)
    implements PurchaseModel {

  /** Below this distance from s = 1 the s → 1 limit of the expectation formulas is used. */
  private static final double SHAPE_ONE_TOLERANCE = 1e-9;

  /**
   * Fits by maximum likelihood on the log-parameters.
   *
   * @throws IllegalArgumentException when there are no customers
   */
  public static ParetoNbdModel fit(Collection<CustomerSummary> customers) {
    RfGroups g = RfGroups.of(customers);
    MaximumLikelihood.Optimum o =
        MaximumLikelihood.maximise(
            p ->
                ParetoNbdLikelihood.logLikelihood(
                    g, Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3])),
            StartValues.paretoNbd(g));
    double[] p = o.logParameters();
    return new ParetoNbdModel(
        Math.exp(p[0]),
        Math.exp(p[1]),
        Math.exp(p[2]),
        Math.exp(p[3]),
        o.logLikelihood(),
        customers.size());
  }

  @Override
  public ModelType type() {
    return ModelType.PARETO_NBD;
  }

  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("r", r);
    m.put("alpha", alpha);
    m.put("s", s);
    m.put("beta", beta);
    return m;
  }

  @Override
  public String version() {
    return ModelVersions.of("PARETO_NBD", r, alpha, s, beta);
  }

  @Override
  public double logLikelihood(int x, double tx, double age) {
    return ParetoNbdLikelihood.parts(r, alpha, s, beta, x, tx, age).logLikelihood();
  }

  @Override
  public double probabilityAlive(int x, double tx, double age) {
    return ParetoNbdLikelihood.parts(r, alpha, s, beta, x, tx, age).probabilityAlive();
  }

  /**
   * Fader &amp; Hardie (2005) eq. (41): P(alive) · (r+x)(β+T) / ((α+T)(s-1)) · [1 - ((β+T) /
   * (β+T+t))^(s-1)], with its limit at s = 1.
   */
  @Override
  public double expectedPurchases(double t, int x, double tx, double age) {
    PurchaseModel.requirePositive(t, "horizon");
    double ratePerAliveTime = (r + x) / (alpha + age);
    return probabilityAlive(x, tx, age)
        * ratePerAliveTime
        * (beta + age)
        * expectedLifetimeFactor(Math.log((beta + age) / (beta + age + t)));
  }

  /** E[X(t)] = rβ / (α(s-1)) · [1 - (β/(β+t))^(s-1)]. */
  @Override
  public double expectedPurchasesNewCustomer(double t) {
    PurchaseModel.requirePositive(t, "horizon");
    return r / alpha * beta * expectedLifetimeFactor(Math.log(beta / (beta + t)));
  }

  /** [1 - exp((s-1) L)] / (s-1), which tends to -L as s → 1. */
  private double expectedLifetimeFactor(double logRatio) {
    double sm1 = s - 1;
    if (Math.abs(sm1) < SHAPE_ONE_TOLERANCE) {
      return -logRatio;
    }
    return -Math.expm1(sm1 * logRatio) / sm1;
  }
}
