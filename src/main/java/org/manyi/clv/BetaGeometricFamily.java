package org.manyi.clv;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.manyi.clv.internal.BetaGeometricNbd;
import org.manyi.clv.internal.MaximumLikelihood;
import org.manyi.clv.internal.ModelVersions;
import org.manyi.clv.internal.RfGroups;

/**
 * What BG/NBD and MBG/NBD share: Gamma(r, alpha) purchase rates and Beta(a, b) drop-out at purchase
 * moments; they differ only in whether a customer can drop out right after the first purchase.
 */
sealed interface BetaGeometricFamily extends PurchaseModel permits BgNbdModel, MbgNbdModel {

  double r();

  double alpha();

  double a();

  double b();

  /** True for MBG/NBD: a customer may drop out right after the first purchase. */
  boolean dropOutAfterFirstPurchase();

  /** Maximum-likelihood estimates {r, alpha, a, b, log-likelihood} on the log-parameters. */
  static double[] fit(Collection<CustomerSummary> customers, boolean dropOutAfterFirstPurchase) {
    RfGroups g = RfGroups.of(customers);
    MaximumLikelihood.Optimum o =
        MaximumLikelihood.maximiseWithGradient(
            (p, gradient) ->
                BetaGeometricNbd.logLikelihood(g, p, dropOutAfterFirstPurchase, gradient),
            StartValues.betaGeometric(g));
    double[] p = o.logParameters();
    return new double[] {
      Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3]), o.logLikelihood()
    };
  }

  @Override
  default Map<String, Double> parameters() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("r", r());
    m.put("alpha", alpha());
    m.put("a", a());
    m.put("b", b());
    return m;
  }

  @Override
  default String version() {
    return ModelVersions.of(type().name(), r(), alpha(), a(), b());
  }

  @Override
  default double logLikelihood(int x, double tx, double age) {
    return BetaGeometricNbd.logLikelihood(
        r(), alpha(), a(), b(), dropOutAfterFirstPurchase(), x, tx, age);
  }

  @Override
  default double probabilityAlive(int x, double tx, double age) {
    return BetaGeometricNbd.probabilityAlive(
        r(), alpha(), a(), b(), dropOutAfterFirstPurchase(), x, tx, age);
  }

  @Override
  default double expectedPurchases(double t, int x, double tx, double age) {
    PurchaseModel.requirePositive(t, "horizon");
    return BetaGeometricNbd.expectedPurchases(
        r(), alpha(), a(), b(), dropOutAfterFirstPurchase(), t, x, tx, age);
  }

  @Override
  default double expectedPurchasesNewCustomer(double t) {
    PurchaseModel.requirePositive(t, "horizon");
    return BetaGeometricNbd.expectedPurchasesNewCustomer(
        r(), alpha(), a(), b(), dropOutAfterFirstPurchase(), t);
  }

  /**
   * Closed form of P(no purchase in the interval after T up to T + h): dead, or alive with
   * posterior rate Gamma(r + x, alpha + T) and no purchase in h (drop-out only happens at
   * purchases).
   */
  @Override
  default double probabilityNoPurchase(double h, int x, double tx, double age) {
    PurchaseModel.requirePositive(h, "horizon");
    double alive = probabilityAlive(x, tx, age);
    return 1 - alive + alive * Math.pow((alpha() + age) / (alpha() + age + h), r() + x);
  }
}
