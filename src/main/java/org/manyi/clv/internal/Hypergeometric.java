package org.manyi.clv.internal;

/**
 * The Gaussian hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1 and c > 0, as needed by the
 * buy-till-you-die models.
 *
 * <p>The power series converges for |z| < 1 but, when c - a - b < 0, the function grows like (1 -
 * z)^(c-a-b) and the series terms first grow large (they scale with the customer's frequency)
 * before they shrink. We therefore apply Euler's transformation 2F1(a,b;c;z) = (1-z)^(c-a-b)
 * 2F1(c-a, c-b; c; z) in that case, which turns the Pareto/NBD and BG/NBD arguments into series
 * with small coefficients whose term ratio tends to z from below, and return logarithms so that the
 * (1 - z) power never overflows.
 */
public final class Hypergeometric {

  /** Relative size of the last added term at which the series is considered converged. */
  private static final double RELATIVE_TOLERANCE = 1e-15;

  /**
   * Cap on the number of series terms. The term ratio tends to z, so about ln(1e-15) / ln(z) terms
   * are needed: 20,000 covers z up to about 0.998. Beyond that the series is too slow and we throw
   * at once instead of summing in vain; likelihood maximisation treats the point as infeasible.
   */
  private static final int MAX_TERMS = 20_000;

  private Hypergeometric() {}

  /**
   * Natural log of 2F1(a, b; c; z).
   *
   * @throws ArithmeticException when the series does not converge within the term cap or the
   *     transformed sum is not positive (which indicates parameters outside the supported range)
   */
  public static double log2F1(double a, double b, double c, double z) {
    if (!(z >= 0 && z < 1) || !(c > 0)) {
      throw new ArithmeticException("2F1 supported for 0 <= z < 1, c > 0; got z=" + z + ", c=" + c);
    }
    if (z == 0) {
      return 0;
    }
    double excess = c - a - b;
    if (excess < 0) {
      return excess * Math.log1p(-z) + Math.log(series(c - a, c - b, c, z));
    }
    return Math.log(series(a, b, c, z));
  }

  /** 2F1(a, b; c; z), see {@link #log2F1}. */
  public static double hyp2F1(double a, double b, double c, double z) {
    return Math.exp(log2F1(a, b, c, z));
  }

  private static double series(double a, double b, double c, double z) {
    if (Math.log(RELATIVE_TOLERANCE) / Math.log(z) > MAX_TERMS) {
      throw new ArithmeticException("2F1 argument too close to 1 for the series: z=" + z);
    }
    double term = 1;
    double sum = 1;
    for (int j = 0; j < MAX_TERMS; j++) {
      term *= (a + j) * (b + j) / ((c + j) * (j + 1)) * z;
      sum += term;
      if (Math.abs(term) <= RELATIVE_TOLERANCE * Math.abs(sum)) {
        if (!(sum > 0)) {
          throw new ArithmeticException("2F1 series sum not positive: " + sum);
        }
        return sum;
      }
    }
    throw new ArithmeticException("2F1 series did not converge for z=" + z);
  }
}
