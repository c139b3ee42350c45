package org.manyi.surveys.internal;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The satisfaction formulas, computed from counts and sums of item-level answers. Intervals are 95%
 * two-sided.
 */
public final class Metrics {

  /** Below this many answers a figure is shown with a warning. */
  public static final int SMALL_SAMPLE = 30;

  static final double Z95 = 1.959963984540054;
  private static final NormalDistribution NORMAL = new NormalDistribution();

  private Metrics() {}

  /**
   * NPS with the adjusted-Wald interval (Rocks 2016; Sauro &amp; Lewis): add 3/4 to promoters and
   * detractors and 3 to n, variance [p + d − (p − d)²]/n. The score itself is the plain %promoters
   * − %detractors, on the −100..100 scale.
   */
  public record Nps(
      long n,
      long promoters,
      long passives,
      long detractors,
      double nps,
      double ciLow,
      double ciHigh) {

    public boolean smallSample() {
      return n < SMALL_SAMPLE;
    }

    /** The adjusted proportions' difference and variance, for intervals and comparisons. */
    double adjustedDifference() {
      double n3 = n + 3.0;
      return ((promoters + 0.75) / n3) - ((detractors + 0.75) / n3);
    }

    double adjustedVariance() {
      double n3 = n + 3.0;
      double p = (promoters + 0.75) / n3;
      double d = (detractors + 0.75) / n3;
      return (p + d - (p - d) * (p - d)) / n3;
    }
  }

  public static Nps nps(long promoters, long passives, long detractors) {
    long n = promoters + passives + detractors;
    double score = n == 0 ? 0 : 100.0 * (promoters - detractors) / n;
    Nps raw = new Nps(n, promoters, passives, detractors, score, 0, 0);
    double centre = raw.adjustedDifference();
    double margin = Z95 * Math.sqrt(raw.adjustedVariance());
    return new Nps(
        n,
        promoters,
        passives,
        detractors,
        score,
        100 * Math.max(-1, centre - margin),
        100 * Math.min(1, centre + margin));
  }

  /** The difference of two NPS (b − a, in points) with a z-test on the adjusted estimates. */
  public record NpsComparison(Nps a, Nps b, double difference, double z, double p) {

    public boolean significant() {
      return p < 0.05;
    }
  }

  public static NpsComparison compare(Nps a, Nps b) {
    double se = Math.sqrt(a.adjustedVariance() + b.adjustedVariance());
    double z = (b.adjustedDifference() - a.adjustedDifference()) / se;
    double p = 2 * (1 - NORMAL.cumulativeProbability(Math.abs(z)));
    return new NpsComparison(a, b, b.nps() - a.nps(), z, p);
  }

  /** A proportion with its Wilson score interval, in percent. */
  public record Proportion(long n, long hits, double percent, double ciLow, double ciHigh) {

    public boolean smallSample() {
      return n < SMALL_SAMPLE;
    }
  }

  public static Proportion wilson(long hits, long n) {
    if (n == 0) {
      return new Proportion(0, 0, 0, 0, 0);
    }
    double p = (double) hits / n;
    double z2 = Z95 * Z95;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double margin = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    return new Proportion(n, hits, 100 * p, 100 * (centre - margin), 100 * (centre + margin));
  }

  /** A mean with its t interval. */
  public record Mean(long n, double mean, double ciLow, double ciHigh) {

    public boolean smallSample() {
      return n < SMALL_SAMPLE;
    }
  }

  /** From the count, sum and sum of squares of the answers, so a database can aggregate them. */
  public static Mean mean(long n, double sum, double sumOfSquares) {
    if (n == 0) {
      return new Mean(0, 0, 0, 0);
    }
    double mean = sum / n;
    if (n == 1) {
      return new Mean(1, mean, mean, mean);
    }
    double variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
    double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
    double margin = t * Math.sqrt(variance / n);
    return new Mean(n, mean, mean - margin, mean + margin);
  }

  /**
   * Kish's effective sample size of weighted answers, {@code (Σw)² / Σw²}: as many equally weighted
   * answers as would give the same precision. Equal weights give n; uneven ones less.
   */
  public static double kish(double weightSum, double weightSquareSum) {
    return weightSquareSum <= 0 ? 0 : weightSum * weightSum / weightSquareSum;
  }

  /** A weighted figure with its 95% interval and the effective sample size it rests on. */
  public record Weighted(double nEff, double value, double ciLow, double ciHigh) {

    public boolean smallSample() {
      return nEff < SMALL_SAMPLE;
    }
  }

  /**
   * Weighted NPS: the weighted shares of promoters and detractors, with the adjusted-Wald interval
   * computed on Kish's effective sample size in place of n (add 3/4 to each weighted count scaled
   * to n_eff, and 3 to n_eff). Equal weights give exactly the unweighted figure and interval.
   *
   * @param promoters the weights of the promoters' answers, summed
   * @param detractors the weights of the detractors' answers, summed
   * @param all the weights of all answers, summed
   */
  public static Weighted weightedNps(double promoters, double detractors, double all, double nEff) {
    if (all <= 0 || nEff <= 0) {
      return new Weighted(0, 0, 0, 0);
    }
    double p = promoters / all;
    double d = detractors / all;
    double n3 = nEff + 3.0;
    double pa = (p * nEff + 0.75) / n3;
    double da = (d * nEff + 0.75) / n3;
    double margin = Z95 * Math.sqrt((pa + da - (pa - da) * (pa - da)) / n3);
    return new Weighted(
        nEff,
        100 * (p - d),
        100 * Math.max(-1, pa - da - margin),
        100 * Math.min(1, pa - da + margin));
  }

  /** A weighted share (e.g. CSAT top-2-box) with the Wilson interval on n_eff, in percent. */
  public static Weighted weightedShare(double hits, double all, double nEff) {
    if (all <= 0 || nEff <= 0) {
      return new Weighted(0, 0, 0, 0);
    }
    double p = hits / all;
    double z2 = Z95 * Z95;
    double centre = (p + z2 / (2 * nEff)) / (1 + z2 / nEff);
    double margin =
        Z95 * Math.sqrt(p * (1 - p) / nEff + z2 / (4.0 * nEff * nEff)) / (1 + z2 / nEff);
    return new Weighted(nEff, 100 * p, 100 * (centre - margin), 100 * (centre + margin));
  }

  /**
   * A weighted mean with a t interval on n_eff: the weighted variance Σw(x − m)²/Σw, corrected by
   * n_eff/(n_eff − 1), over n_eff, with n_eff − 1 degrees of freedom. Equal weights give exactly
   * the unweighted mean and t interval.
   *
   * @param weightedSum Σ w·x
   * @param weightedSquares Σ w·x²
   * @param all Σ w
   */
  public static Weighted weightedMean(
      double weightedSum, double weightedSquares, double all, double nEff) {
    if (all <= 0 || nEff <= 0) {
      return new Weighted(0, 0, 0, 0);
    }
    double mean = weightedSum / all;
    if (nEff <= 1) {
      return new Weighted(nEff, mean, mean, mean);
    }
    double variance = Math.max(0, weightedSquares / all - mean * mean) * nEff / (nEff - 1);
    double t = new TDistribution(nEff - 1).inverseCumulativeProbability(0.975);
    double margin = t * Math.sqrt(variance / nEff);
    return new Weighted(nEff, mean, mean - margin, mean + margin);
  }

  /**
   * Cronbach's alpha of a construct's items, from complete cases (rows: respondents, columns:
   * items); NaN with fewer than two items or two cases.
   */
  public static double cronbachAlpha(double[][] answers) {
    int n = answers.length;
    if (n < 2 || answers[0].length < 2) {
      return Double.NaN;
    }
    int k = answers[0].length;
    double sumOfItemVariances = 0;
    for (int j = 0; j < k; j++) {
      final int column = j;
      sumOfItemVariances += variance(n, i -> answers[i][column]);
    }
    double totalVariance =
        variance(
            n,
            i -> {
              double total = 0;
              for (double v : answers[i]) {
                total += v;
              }
              return total;
            });
    return totalVariance == 0
        ? Double.NaN
        : (k / (k - 1.0)) * (1 - sumOfItemVariances / totalVariance);
  }

  /**
   * Responses needed for a ±margin (in NPS points) at 95% in the worst case (half promoters, half
   * detractors: variance 1), e.g. ±5 points → 1,537.
   */
  public static long npsSampleSize(double marginPoints) {
    double m = marginPoints / 100;
    return (long) Math.ceil(Z95 * Z95 / (m * m));
  }

  private static double variance(int n, java.util.function.IntToDoubleFunction value) {
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < n; i++) {
      double v = value.applyAsDouble(i);
      sum += v;
      sumSq += v * v;
    }
    double mean = sum / n;
    return (sumSq - n * mean * mean) / (n - 1);
  }
}
