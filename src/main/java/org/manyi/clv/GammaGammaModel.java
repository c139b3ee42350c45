package org.manyi.clv;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.hipparchus.special.Gamma;
import org.manyi.clv.internal.MaximumLikelihood;
import org.manyi.clv.internal.ModelVersions;

/**
 * Fitted Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005, "RFM and CLV: Using Iso-Value
 * Curves for Customer Base Analysis"; note "The Gamma-Gamma Model of Monetary Value"). A customer's
 * transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ); the model assumes spend is independent
 * of the purchase process. It is fitted on repeat buyers only (x &gt; 0), using the mean value of
 * their repeat transactions.
 *
 * @param p shape of the transaction values
 * @param q shape of the customer-level rate heterogeneity
 * @param gamma scale of the customer-level rate heterogeneity
 * @param logLikelihood maximised log-likelihood
 * @param customers number of repeat buyers used in the fit
 */
public record GammaGammaModel(
    double p, double q, double gamma, double logLikelihood, int customers) {

  /**
   * Fits on the customers with at least one repeat purchase and a positive average repeat value.
   *
   * @throws IllegalArgumentException when no customer qualifies
   */
  public static GammaGammaModel fit(Collection<CustomerSummary> summaries) {
    int n = 0;
    for (CustomerSummary c : summaries) {
      if (qualifies(c)) {
        n++;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException(
          "Gamma-Gamma needs customers with a repeat purchase of positive value; none given");
    }
    int[] x = new int[n];
    double[] mean = new double[n];
    int i = 0;
    double valueSum = 0;
    for (CustomerSummary c : summaries) {
      if (qualifies(c)) {
        x[i] = c.frequency();
        mean[i] = c.averageRepeatValue();
        valueSum += mean[i];
        i++;
      }
    }
    Data data = new Data(x, mean);
    double meanValue = valueSum / n;
    // starts: values with moderate shape (p = 1..5) and a population mean equal to the sample mean
    double[][] starts = {
      {0, Math.log(2), Math.log(meanValue)},
      {Math.log(5), Math.log(3), Math.log(2 * meanValue / 5)},
      {0, 0, 0}
    };
    MaximumLikelihood.Optimum o =
        MaximumLikelihood.maximiseWithGradient(data::logLikelihood, starts);
    double[] lp = o.logParameters();
    return new GammaGammaModel(
        Math.exp(lp[0]), Math.exp(lp[1]), Math.exp(lp[2]), o.logLikelihood(), n);
  }

  private static boolean qualifies(CustomerSummary c) {
    return c.frequency() > 0 && c.averageRepeatValue() > 0;
  }

  /**
   * E[M | x, m̄] = (p (γ + x m̄)) / (p x + q - 1): a weighted average of the population mean p γ /
   * (q - 1) and the customer's own mean, the weight of the latter growing with x. For x = 0 it is
   * the population mean.
   *
   * @throws IllegalStateException when q &lt;= 1 (the population mean does not exist)
   */
  public double expectedAverageValue(int x, double averageRepeatValue) {
    if (!(q > 1)) {
      throw new IllegalStateException("expected spend needs q > 1, q = " + q);
    }
    if (x == 0) {
      return populationMeanValue();
    }
    return p * (gamma + x * averageRepeatValue) / (p * x + q - 1);
  }

  /** Expected average value for a summary. */
  public double expectedAverageValue(CustomerSummary c) {
    return expectedAverageValue(c.frequency(), c.averageRepeatValue());
  }

  /** Population mean transaction value p γ / (q - 1). */
  public double populationMeanValue() {
    return p * gamma / (q - 1);
  }

  /** Model name plus a digest of the parameters. */
  public String version() {
    return ModelVersions.of("GAMMA_GAMMA", p, q, gamma);
  }

  /** Primitive arrays; lnΓ(px+q) - lnΓ(px) depends only on x and is computed once per x. */
  private static final class Data {
    private final int[] x;
    private final double[] logMean;
    private final double[] total;
    private final double[] logX;
    private final double sumLogMean;
    private final double sumXLogMean;
    private final double sumXLogX;
    private final Map<Integer, Integer> countByX = new HashMap<>();

    Data(int[] x, double[] mean) {
      this.x = x;
      int n = x.length;
      logMean = new double[n];
      total = new double[n];
      logX = new double[n];
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      for (int i = 0; i < n; i++) {
        logMean[i] = Math.log(mean[i]);
        total[i] = x[i] * mean[i];
        logX[i] = Math.log(x[i]);
        s1 += logMean[i];
        s2 += x[i] * logMean[i];
        s3 += x[i] * logX[i];
        countByX.merge(x[i], 1, Integer::sum);
      }
      sumLogMean = s1;
      sumXLogMean = s2;
      sumXLogX = s3;
    }

    /**
     * Σ lnΓ(px+q) - lnΓ(px) - lnΓ(q) + q ln γ + (px-1) ln m̄ + px ln x - (px+q) ln(γ + x m̄); the
     * linear terms are summed in closed form, leaving one logarithm per customer.
     */
    /**
     * Log-likelihood at log-parameters (ln p, ln q, ln γ) with its gradient: ∂/∂p = Σ x (ψ(px+q) -
     * ψ(px) + ln m̄ + ln x - ln(γ + x m̄)), ∂/∂q = Σ ψ(px+q) - ψ(q) + ln γ - ln(γ + x m̄), ∂/∂γ = Σ
     * q/γ - (px+q)/(γ + x m̄).
     */
    double logLikelihood(double[] lp, double[] gradient) {
      double p = Math.exp(lp[0]);
      double q = Math.exp(lp[1]);
      double gamma = Math.exp(lp[2]);
      double value = 0;
      double lgq = Gamma.logGamma(q);
      double digammaQ = Gamma.digamma(q);
      double dp = sumXLogMean + sumXLogX;
      double dq = 0;
      for (Map.Entry<Integer, Integer> e : countByX.entrySet()) {
        int xi = e.getKey();
        double px = p * xi;
        double psi = Gamma.digamma(px + q);
        value += e.getValue() * (Gamma.logGamma(px + q) - Gamma.logGamma(px) - lgq);
        dp += e.getValue() * xi * (psi - Gamma.digamma(px));
        dq += e.getValue() * (psi - digammaQ);
      }
      int n = x.length;
      double logGamma = Math.log(gamma);
      double dGamma = n * q / gamma;
      dq += n * logGamma;
      value += n * q * logGamma + p * sumXLogMean - sumLogMean + p * sumXLogX;
      for (int i = 0; i < n; i++) {
        double log = Math.log(gamma + total[i]);
        value -= (p * x[i] + q) * log;
        dp -= x[i] * log;
        dq -= log;
        dGamma -= (p * x[i] + q) / (gamma + total[i]);
      }
      gradient[0] = p * dp;
      gradient[1] = q * dq;
      gradient[2] = gamma * dGamma;
      return value;
    }

    double logLikelihood(double p, double q, double gamma) {
      double sum = 0;
      double lgq = Gamma.logGamma(q);
      for (Map.Entry<Integer, Integer> e : countByX.entrySet()) {
        double px = p * e.getKey();
        sum += e.getValue() * (Gamma.logGamma(px + q) - Gamma.logGamma(px) - lgq);
      }
      int n = x.length;
      sum += n * q * Math.log(gamma) + p * sumXLogMean - sumLogMean + p * sumXLogX;
      double last = 0;
      for (int i = 0; i < n; i++) {
        last += (p * x[i] + q) * Math.log(gamma + total[i]);
      }
      return sum - last;
    }
  }
}
