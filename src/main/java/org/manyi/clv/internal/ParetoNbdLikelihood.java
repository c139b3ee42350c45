package org.manyi.clv.internal;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
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

  /**
   * Above this 2F1 argument the series needs hundreds to thousands of terms (the ratio tends to z);
   * the drop-out integral is then evaluated by quadrature instead. Such arguments arise when alpha
   * and beta differ by orders of magnitude, e.g. on the flat ridge s, beta → ∞ of a short history.
   */
  static final double SERIES_LIMIT = 0.9;

  /** Gauss-Legendre nodes per panel of the quadrature. */
  private static final int NODES = 10;

  /** Each panel spans at most this drop (or rise) of the log-integrand. */
  private static final double PANEL_LOG_CHANGE = 2;

  /** The quadrature stops once the remaining tail is below e^-40 of the accumulated integral. */
  private static final double NEGLIGIBLE_LOG = 40;

  private static final GaussIntegrator LEGENDRE = new GaussIntegratorFactory().legendre(NODES);

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
      sum +=
          g.weight(i) * (logC[x] + bracket(r, alpha, s, beta, x, g.tx(i), g.age(i)).logLikelihood);
    }
    return sum;
  }

  /** One customer's likelihood parts. */
  public static Parts parts(
      double r, double alpha, double s, double beta, int x, double tx, double age) {
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
    if (diff / (max + tx) > SERIES_LIMIT) {
      double second = Math.log(s) + logDropoutIntegral(r, alpha, s, beta, x, tx, age);
      return new Parts(BetaGeometricNbd.logSumExp(aliveTerm, second), aliveTerm);
    }
    double b = alpha >= beta ? s + 1 : r + x;
    double logAtTx =
        Hypergeometric.log2F1(rsx, b, rsx + 1, diff / (max + tx)) - rsx * Math.log(max + tx);
    double logAtT =
        Hypergeometric.log2F1(rsx, b, rsx + 1, diff / (max + age)) - rsx * Math.log(max + age);
    double logA0 = logAtTx + Math.log(-Math.expm1(logAtT - logAtTx));
    double second = Math.log(s / rsx) + logA0;
    return new Parts(BetaGeometricNbd.logSumExp(aliveTerm, second), aliveTerm);
  }

  /**
   * log ∫ from t_x to T of (α+τ)^-(r+x) (β+τ)^-(s+1) dτ, the probability mass of dropping out
   * between the last purchase and T (up to constants); s times it equals s/(r+s+x) · A0. Evaluated
   * with Gauss-Legendre panels in w = ln(min(α,β) + τ), where the integrand is close to exponential
   * with local rate K(w) = ((r+x)/(α+τ) + (s+1)/(β+τ)) e^w - 1. K increases with w, so once it is
   * positive the integrand only falls and the tail is bounded by integrand / K.
   */
  public static double logDropoutIntegral(
      double r, double alpha, double s, double beta, int x, double tx, double age) {
    double c0 = Math.min(alpha, beta);
    double w = Math.log(c0 + tx);
    double end = Math.log(c0 + age);
    double minRate = PANEL_LOG_CHANGE / (end - w);
    double total = Double.NEGATIVE_INFINITY;
    while (w < end) {
      double width =
          Math.min(
              end - w,
              PANEL_LOG_CHANGE / Math.max(Math.abs(rate(r, alpha, s, beta, x, c0, w)), minRate));
      double half = width / 2;
      for (int i = 0; i < NODES; i++) {
        double node = w + half * (1 + LEGENDRE.getPoint(i));
        total =
            BetaGeometricNbd.logSumExp(
                total,
                logIntegrand(r, alpha, s, beta, x, c0, node)
                    + Math.log(half * LEGENDRE.getWeight(i)));
      }
      w += width;
      double k = rate(r, alpha, s, beta, x, c0, w);
      if (k > 0
          && logIntegrand(r, alpha, s, beta, x, c0, w) - Math.log(k) < total - NEGLIGIBLE_LOG) {
        break;
      }
    }
    return total;
  }

  private static double logIntegrand(
      double r, double alpha, double s, double beta, int x, double c0, double w) {
    double tau = Math.exp(w) - c0;
    return -(r + x) * Math.log(alpha + tau) - (s + 1) * Math.log(beta + tau) + w;
  }

  private static double rate(
      double r, double alpha, double s, double beta, int x, double c0, double w) {
    double e = Math.exp(w);
    double tau = e - c0;
    return ((r + x) / (alpha + tau) + (s + 1) / (beta + tau)) * e - 1;
  }
}
