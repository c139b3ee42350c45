package org.manyi.surveys.internal;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;

/**
 * How many responses a target precision needs, in the worst case. For NPS with promoter share p and
 * detractor share q the variance of one answer is p + q − (p − q)², at most 1 (p = q = 0.5), so n =
 * z² · 1 / m²; with m = 5 points at 95% that is 1,537. For a proportion such as CSAT's top-2-box
 * share, n = z² · p(1 − p) / m² with p = 0.5, 385 at ±5 points. When the population N is known the
 * finite population correction n / (1 + (n − 1) / N) applies.
 */
public final class SampleSize {

  /** Which kind of figure the sample is for. */
  public enum Metric {
    /** Net Promoter Score, a difference of two shares, in points from −100 to 100. */
    NPS,
    /** A share such as CSAT's top-2-box, in percentage points. */
    CSAT
  }

  /**
   * The answer.
   *
   * @param z the normal quantile of the confidence level
   * @param infinite responses needed from a very large population
   * @param needed responses needed from the given population (the same when it is unknown)
   */
  public record Result(
      Metric metric,
      double margin,
      double confidence,
      @Nullable Long population,
      double z,
      long infinite,
      long needed) {}

  private SampleSize() {}

  /**
   * @param margin the half-width of the interval in points (NPS) or percentage points (CSAT)
   * @param confidence such as 0.95
   * @param population the number of customers the sample is drawn from, when known
   * @throws ProblemException 400 naming {@code margin}, {@code confidence} or {@code population}
   */
  public static Result of(
      Metric metric, double margin, double confidence, @Nullable Long population) {
    if (!(margin > 0) || margin > 50) {
      throw ProblemException.invalid("margin", "sampleSize.margin.range");
    }
    if (!(confidence >= 0.5) || confidence >= 1) {
      throw ProblemException.invalid("confidence", "sampleSize.confidence.range");
    }
    if (population != null && population < 1) {
      throw ProblemException.invalid("population", "sampleSize.population.range");
    }
    double z = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    double m = margin / 100;
    // worst cases: p = q = 0.5 for NPS, p = 0.5 for a share
    double variance = metric == Metric.NPS ? 1.0 : 0.25;
    double n0 = z * z * variance / (m * m);
    long infinite = (long) Math.ceil(n0 - 1e-9);
    long needed = infinite;
    if (population != null) {
      needed = (long) Math.ceil(n0 / (1 + (n0 - 1) / population) - 1e-9);
      needed = Math.min(needed, population);
    }
    return new Result(metric, margin, confidence, population, z, infinite, needed);
  }
}
