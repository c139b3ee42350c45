package org.manyi.clv.internal;

import org.hipparchus.special.Gamma;

/**
 * Pareto/NBD likelihood in the form of Fader &amp; Hardie, "A Note on Deriving the Pareto/NBD Model
 * and Related Expressions" (2005), eq. (22)-(24):
 *
 * <pre>
 * L = Γ(r+x) α^r β^s / Γ(r) · { 1 / ((α+T)^(r+x) (β+T)^s) + s/(r+s+x) · A0 }
 * </pre>
 *
 * where A0 uses 2F1 with argument (α-β)/(α+t) when α ≥ β and (β-α)/(β+t) otherwise. Choosing the
 * larger of α and β is the published transformation that keeps the argument in [0, 1) for every
 * parameter value; {@link Hypergeometric} then applies Euler's transformation so that the series
 * coefficients stay small. Everything is evaluated in logs: (α+t)^(r+s+x) overflows for frequent
 * buyers.
 */
public final class ParetoNbdLikelihood {

  private ParetoNbdLikelihood() {}

  /** Parts of one customer's likelihood, on the log scale. */
  public record Parts(double logLikelihood, double logAliveTerm) {

    /** P(alive at T) = first term / whole likelihood. */
    public double probabilityAlive() {
      return Math.exp(logAliveTerm - logLikelihood);
    }
  }

  /** Summed weighted log-likelihood; lnΓ(r+x) - lnΓ(r) is accumulated once per distinct x. */
  public static double logLikelihood(RfGroups g, double r, double alpha, double s, double beta) {
    int maxX = g.maxX();
    double[] logC = new double[maxX + 1];
    double base = r * Math.log(alpha) + s * Math.log(beta);
    double logR = 0;
    for (int x = 0; x <= maxX; x++) {
      logC[x] = base + logR;
      logR += Math.log(r + x);
    }
    double sum = 0;
    for (int i = 0, n = g.size(); i < n; i++) {
      int x = g.x(i);
      sum += g.weight(i) * (logC[x] + bracket(r, alpha, s, beta, x, g.tx(i), g.age(i)).logLikelihood);
    }
    return sum;
  }

  /** One customer's likelihood parts. */
  public static Parts parts(double r, double alpha, double s, double beta, int x, double tx, double age) {
    double logC =
        Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
    Parts b = bracket(r, alpha, s, beta, x, tx, age);
    return new Parts(logC + b.logLikelihood, logC + b.logAliveTerm);
  }

  /** log of the braces in the likelihood, and log of its first ("alive") term. */
  private static Parts bracket(
      double r, double alpha, double s, double beta, int x, double tx, double age) {
    double rsx = r + s + x;
    double aliveTerm = -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
    if (age <= tx) {
      return new Parts(aliveTerm, aliveTerm); // A0 integrates over an empty interval
    }
    double max = Math.max(alpha, beta);
    double diff = Math.abs(alpha - beta);
    double b = alpha >= beta ? s + 1 : r + x;
    double logAtTx = Hypergeometric.log2F1(rsx, b, rsx + 1, diff / (max + tx)) - rsx * Math.log(max + tx);
    double logAtT = Hypergeometric.log2F1(rsx, b, rsx + 1, diff / (max + age)) - rsx * Math.log(max + age);
    double logA0 = logAtTx + Math.log(-Math.expm1(logAtT - logAtTx));
    double second = Math.log(s / rsx) + logA0;
    return new Parts(BetaGeometricNbd.logSumExp(aliveTerm, second), aliveTerm);
  }
}
