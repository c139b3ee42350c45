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

  /** Below this, log(1 + e) loses digits and log1p is used. */
  private static final double SMALL = 1e-4;

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

  /**
   * Summed weighted log-likelihood at log-parameters {@code p = (ln r, ln alpha, ln a, ln b)}, with
   * its gradient with respect to {@code p} written into {@code gradient}. With w = the posterior
   * weight of "dropped out at t_x":
   *
   * <pre>
   * ∂/∂r = Σ_{k&lt;x} 1/(r+k) + ln α - (1-w) ln(α+T) - w ln(α+t_x)
   * ∂/∂α = r/α - (r+x) ((1-w)/(α+T) + w/(α+t_x))
   * ∂/∂a = -Σ_{k&lt;K} 1/(a+b+k) + w/a
   * ∂/∂b = Σ_{k&lt;K} (1/(b+k) - 1/(a+b+k)) - w/(b+x-1+m)
   * </pre>
   *
   * where m = 1 and K = x + 1 for MBG/NBD, m = 0 and K = x for BG/NBD.
   */
  public static double logLikelihood(RfGroups g, double[] p, boolean modified, double[] gradient) {
    double r = Math.exp(p[0]);
    double alpha = Math.exp(p[1]);
    double a = Math.exp(p[2]);
    double b = Math.exp(p[3]);
    int shift = modified ? 1 : 0;
    int maxX = g.maxX();
    double[] byX = new double[maxX + 1];
    double[] second = new double[maxX + 1];
    double[] sumR = new double[maxX + 1];
    double[] sumAb = new double[maxX + 1];
    double[] sumB = new double[maxX + 1];
    double logR = 0;
    double sR = 0;
    double logBeta = 0;
    double sAb = 0;
    double sB = 0;
    if (modified) {
      logBeta = Math.log(b / (a + b));
      sAb = 1 / (a + b);
      sB = 1 / b;
    }
    double logA = Math.log(a);
    double logAlpha = Math.log(alpha);
    for (int x = 0; x <= maxX; x++) {
      byX[x] = logR + logBeta + r * logAlpha;
      sumR[x] = sR;
      sumAb[x] = sAb;
      sumB[x] = sB;
      second[x] =
          !modified && x == 0 ? Double.NEGATIVE_INFINITY : logA - Math.log(b + x - 1 + shift);
      logR += Math.log(r + x);
      sR += 1 / (r + x);
      logBeta += Math.log((b + x + shift) / (a + b + x + shift));
      sAb += 1 / (a + b + x + shift);
      sB += 1 / (b + x + shift);
    }
    double sum = 0;
    double dr = 0;
    double dAlpha = 0;
    double da = 0;
    double db = 0;
    for (int i = 0, n = g.size(); i < n; i++) {
      int x = g.x(i);
      double weight = g.weight(i);
      double rx = r + x;
      double logT = Math.log(alpha + g.age(i));
      double a3 = -rx * logT;
      double ll;
      double w;
      double logTx = 0;
      if (second[x] == Double.NEGATIVE_INFINITY) {
        ll = a3;
        w = 0;
      } else {
        logTx = Math.log(alpha + g.tx(i));
        double a4 = second[x] - rx * logTx;
        ll = logSumExp(a3, a4);
        w = Math.exp(a4 - ll);
      }
      sum += weight * (byX[x] + ll);
      dr += weight * (sumR[x] + logAlpha - (1 - w) * logT - w * logTx);
      dAlpha +=
          weight
              * (r / alpha
                  - rx * ((1 - w) / (alpha + g.age(i)) + (w == 0 ? 0 : w / (alpha + g.tx(i)))));
      da += weight * (-sumAb[x] + w / a);
      db += weight * (sumB[x] - sumAb[x] - (w == 0 ? 0 : w / (b + x - 1 + shift)));
    }
    gradient[0] = r * dr;
    gradient[1] = alpha * dAlpha;
    gradient[2] = a * da;
    gradient[3] = b * db;
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

  /** E[Y(t) | x, t_x, T]: expected purchases after T up to T + t. */
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
    double logH = (r + x) * Math.log1p(-z) + Hypergeometric.log2F1(r + x, b + x + shift, c, z);
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
    double e = Math.exp(Math.min(u, v) - m);
    // Math.log1p is not intrinsified and costs several times Math.log; it is only needed for tiny e
    return m + (e < SMALL ? Math.log1p(e) : Math.log(1 + e));
  }
}
