package org.manyi.satisfaction.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.manyi.pls.Effect;
import org.manyi.pls.Reliability;

/**
 * One estimation as the API returns it and runs store it (JSON). Undefined numbers (an interval
 * when every resample failed) are null, never NaN, so the document stays valid JSON.
 *
 * @param n cases used after listwise deletion
 * @param casesDropped cases left out for a missing answer
 * @param iterations iterations of the outer loop
 * @param converged false when the iteration limit was hit; the estimates are then not to be trusted
 * @param pathCoefficients per path, with 95% percentile intervals when bootstrapped
 * @param outerWeights item to outer weight
 * @param loadings item to loading
 * @param crossLoadings item to (construct to correlation)
 * @param rSquared endogenous construct to R²
 * @param effects direct, indirect and total effects between constructs joined by a route
 * @param index construct to its 0–100 index
 * @param itemIndex item to its mean over the cases used, mapped to 0–100 on the answer scale
 * @param gof goodness of fit, null when every construct has a single item
 * @param reliability construct to alpha, rho, AVE, communality, redundancy
 * @param bootstrap resampling summary, null without bootstrap
 * @param scale the answer scale the index was computed on
 * @param elapsedMillis wall time of the estimation
 */
public record EstimateResult(
    int n,
    int casesDropped,
    int iterations,
    boolean converged,
    List<PathResult> pathCoefficients,
    Map<String, Double> outerWeights,
    Map<String, Double> loadings,
    Map<String, Map<String, Double>> crossLoadings,
    Map<String, Double> rSquared,
    List<Effect> effects,
    Map<String, Double> index,
    Map<String, Double> itemIndex,
    @Nullable Double gof,
    Map<String, Reliability> reliability,
    @Nullable BootstrapInfo bootstrap,
    @Nullable ScaleInfo scale,
    long elapsedMillis) {

  public EstimateResult {
    // results stored before item indexes existed have none
    if (itemIndex == null) {
      itemIndex = Map.of();
    }
  }

  /** A path coefficient; the interval members are null without bootstrap. */
  public record PathResult(
      String from,
      String to,
      double estimate,
      @Nullable Double standardError,
      @Nullable Double ciLow,
      @Nullable Double ciHigh) {

    /** Whether the 95% interval excludes zero; null without an interval. */
    public @Nullable Boolean significant() {
      if (ciLow == null || ciHigh == null) {
        return null;
      }
      return ciLow > 0 || ciHigh < 0;
    }
  }

  /** Standard error and 95% percentile interval of one parameter. */
  public record Interval(
      @Nullable Double standardError, @Nullable Double low, @Nullable Double high) {}

  /**
   * @param resamples requested
   * @param failed left out because they did not converge or an item lost its variance
   * @param seed the seed used
   * @param index construct to the 95% percentile interval of its 0–100 index
   */
  public record BootstrapInfo(
      int resamples,
      int failed,
      long seed,
      Map<String, Interval> outerWeights,
      Map<String, Interval> loadings,
      Map<String, Interval> index) {

    public BootstrapInfo {
      // runs stored before index intervals existed have none
      if (index == null) {
        index = Map.of();
      }
    }
  }

  /**
   * @param inferred true when the request gave no scale and the observed range was used
   */
  public record ScaleInfo(double min, double max, boolean inferred) {}

  /** The same result, marked as computed on the observed rather than a declared scale. */
  EstimateResult withInferredScale() {
    if (scale == null) {
      return this;
    }
    return new EstimateResult(
        n,
        casesDropped,
        iterations,
        converged,
        pathCoefficients,
        outerWeights,
        loadings,
        crossLoadings,
        rSquared,
        effects,
        index,
        itemIndex,
        gof,
        reliability,
        bootstrap,
        new ScaleInfo(scale.min(), scale.max(), true),
        elapsedMillis);
  }

  /** The 95% interval of a construct's index; null without bootstrap or when undefined. */
  public @Nullable Interval indexInterval(String construct) {
    if (bootstrap == null) {
      return null;
    }
    Interval interval = bootstrap.index().get(construct);
    return interval == null || interval.low() == null ? null : interval;
  }

  /** The total effect of {@code from} on {@code to}, 0 when no route joins them. */
  public double totalEffect(String from, String to) {
    return effects.stream()
        .filter(e -> e.from().equals(from) && e.to().equals(to))
        .mapToDouble(Effect::total)
        .findFirst()
        .orElse(0);
  }
}
