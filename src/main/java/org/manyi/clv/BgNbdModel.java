package org.manyi.clv;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.manyi.clv.internal.BetaGeometricNbd;
import org.manyi.clv.internal.MaximumLikelihood;
import org.manyi.clv.internal.ModelVersions;
import org.manyi.clv.internal.RfGroups;

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
    implements PurchaseModel {

  /**
   * Fits by maximum likelihood on the log-parameters.
   *
   * @throws IllegalArgumentException when there are no customers
   */
  public static BgNbdModel fit(Collection<CustomerSummary> customers) {
    RfGroups g = RfGroups.of(customers);
    MaximumLikelihood.Optimum o =
        MaximumLikelihood.maximiseWithGradient(
            (p, gradient) -> BetaGeometricNbd.logLikelihood(g, p, false, gradient),
            StartValues.betaGeometric(g));
    double[] p = o.logParameters();
    return new BgNbdModel(
        Math.exp(p[0]),
        Math.exp(p[1]),
        Math.exp(p[2]),
        Math.exp(p[3]),
        o.logLikelihood(),
        customers.size());
  }

  @Override
  public ModelType type() {
    return ModelType.BG_NBD;
  }

  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("r", r);
    m.put("alpha", alpha);
    m.put("a", a);
    m.put("b", b);
    return m;
  }

  @Override
  public String version() {
    return ModelVersions.of("BG_NBD", r, alpha, a, b);
  }

  @Override
  public double logLikelihood(int x, double tx, double age) {
    return BetaGeometricNbd.logLikelihood(r, alpha, a, b, false, x, tx, age);
  }

  @Override
  public double probabilityAlive(int x, double tx, double age) {
    return BetaGeometricNbd.probabilityAlive(r, alpha, a, b, false, x, tx, age);
  }

  @Override
  public double expectedPurchases(double t, int x, double tx, double age) {
    PurchaseModel.requirePositive(t, "horizon");
    return BetaGeometricNbd.expectedPurchases(r, alpha, a, b, false, t, x, tx, age);
  }

  @Override
  public double expectedPurchasesNewCustomer(double t) {
    PurchaseModel.requirePositive(t, "horizon");
    return BetaGeometricNbd.expectedPurchasesNewCustomer(r, alpha, a, b, false, t);
  }

  /**
   * Closed form of P(no purchase in the interval after T up to T + h): dead, or alive with
   * posterior rate Gamma(r + x, alpha + T) and no purchase in h (drop-out only happens at
   * purchases).
   */
  @Override
  public double probabilityNoPurchase(double h, int x, double tx, double age) {
    PurchaseModel.requirePositive(h, "horizon");
    double alive = probabilityAlive(x, tx, age);
    return 1 - alive + alive * Math.pow((alpha + age) / (alpha + age + h), r + x);
  }
}
