package org.manyi.clv.internal;

import org.hipparchus.special.Gamma;

/**
 * Likelihood and predictions shared by BG/NBD (Fader, Hardie &amp; Lee 2005) and MBG/NBD (Batislam,
 * Denizel &amp; Filiztekin 2007). Both let a customer drop out with probability p ~ Beta(a, b) at
 * purchase moments; BG/NBD only after repeat purchases, MBG/NBD also right after the first purchase
 * ({@code modified = true}), which is why MBG/NBD's P(alive) is below 1 for one-time buyers.
 *
 * <p>Parameters are r, alpha (Gamma purchase rate heterogeneity) and a, b (Beta drop-out).
 */
public final class BetaGeometricNbd {

  private BetaGeometricNbd() {}

  /**
   * Summed, weighted log-likelihood. Terms that depend on x only are computed once per distinct x
   * with running sums of logs (lnΓ(r+x) - lnΓ(r) = Σ ln(r+k)), so the inner loop over groups costs
   * two logarithms and one exponential.
   */
  public static double logLikelihood(
      RfGroups g, double r, double alpha, double a, double b, boolean modified) {
    int maxX = g.maxX();
    double[] byX = new double[maxX + 1]; // A1 + log beta ratio
    double[] second = new double[maxX + 1]; // log weight of the "dropped out at t_x" term
    double logR = 0;
    double logBeta = modified ? Math.log(b / (a + b)) : 0;
    double logA = Math.log(a);
    double rLogAlpha = r * Math.log(alpha);
    for (int x = 0; x <= maxX; x++) {
      byX[x] = logR + logBeta + rLogAlpha;
      second[x] =
          modified
              ? logA - Math.log(b + x)
              : (x == 0 ? Double.NEGATIVE_INFINITY : logA - Math.log(b + x - 1));
      logR += Math.log(r + x);
      logBeta += Math.log((b + x + (modified ? 1 : 0)) / (a + b + x + (modified ? 1 : 0)));
    }
    double sum = 0;
    for (int i = 0, n = g.size(); i < n; i++) {
      int x = g.x(i);
      double rx = r + x;
      double a3 = -rx * Math.log(alpha + g.age(i));
      double ll;
      if (second[x] == Double.NEGATIVE_INFINITY) {
        ll = a3;
      } else {
        double a4 = second[x] - rx * Math.log(alpha + g.tx(i));
        ll = logSumExp(a3, a4);
      }
      sum += g.weight(i) * (byX[x] + ll);
    }
    return sum;
  }

  /** Log-likelihood of a single customer. */
  public static double logLikelihood(
      double r, double alpha, double a, double b, boolean modified, int x, double tx, double age) {
    int shift = modified ? 1 : 0;
    double a1 = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha);
    double a2 =
        Gamma.logGamma(a + b)
            + Gamma.logGamma(b + x + shift)
            - Gamma.logGamma(b)
            - Gamma.logGamma(a + b + x + shift);
    double a3 = -(r + x) * Math.log(alpha + age);
    if (!modified && x == 0) {
      return a1 + a2 + a3;
    }
    double a4 = Math.log(a) - Math.log(b + x - 1 + shift) - (r + x) * Math.log(alpha + tx);
    return a1 + a2 + logSumExp(a3, a4);
  }

  /** P(alive at T | x, t_x, T). */
  public static double probabilityAlive(
      double r, double alpha, double a, double b, boolean modified, int x, double tx, double age) {
    if (!modified && x == 0) {
      return 1; // BG/NBD: no drop-out opportunity before the first repeat purchase
    }
    double denominator = modified ? b + x : b + x - 1;
    double logOdds = Math.log(a / denominator) + (r + x) * Math.log((alpha + age) / (alpha + tx));
    return 1 / (1 + Math.exp(logOdds));
  }

  /** E[Y(t) | x, t_x, T]: expected purchases in (T, T + t]. */
  public static double expectedPurchases(
      double r,
      double alpha,
      double a,
      double b,
      boolean modified,
      double t,
      int x,
      double tx,
      double age) {
    int shift = modified ? 1 : 0;
    double z = t / (alpha + age + t);
    double c = a + b + x - 1 + shift;
    double logH =
        (r + x) * Math.log1p(-z) + Hypergeometric.log2F1(r + x, b + x + shift, c, z);
    double alive = probabilityAlive(r, alpha, a, b, modified, x, tx, age);
    return c / (a - 1) * -Math.expm1(logH) * alive;
  }

  /** E[X(t)]: expected repeat purchases of a new customer within t. */
  public static double expectedPurchasesNewCustomer(
      double r, double alpha, double a, double b, boolean modified, double t) {
    if (!(a + b - 1 + (modified ? 1 : 0) > 0)) {
      throw new ArithmeticException(
          "the closed form of E[X(t)] needs a + b > 1 (BG/NBD) or a + b > 0 (MBG/NBD); a="
              + a
              + ", b="
              + b);
    }
    double z = t / (alpha + t);
    double logH =
        r * Math.log1p(-z)
            + (modified
                ? Hypergeometric.log2F1(r, b + 1, a + b, z)
                : Hypergeometric.log2F1(r, b, a + b - 1, z));
    double factor = modified ? b / (a - 1) : (a + b - 1) / (a - 1);
    return factor * -Math.expm1(logH);
  }

  static double logSumExp(double u, double v) {
    double m = Math.max(u, v);
    return m + Math.log1p(Math.exp(Math.min(u, v) - m));
  }
}
