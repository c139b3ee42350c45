package org.manyi.pls;

import java.util.Map;

/**
 * Bootstrap results. Keys of {@code paths} are {@code "FROM -> TO"}; keys of {@code weights} and
 * {@code loadings} are item names.
 *
 * @param resamples resamples requested
 * @param failed resamples left out because the algorithm did not converge or an item had no
 *     variance in the resample
 * @param seed the seed used
 * @param paths per path coefficient
 * @param weights per outer weight
 * @param loadings per loading
 * @param index per construct with a 0–100 index: the index recomputed in every resample (resampled
 *     weights, item means and standard deviations); resamples in which the index is undefined (a
 *     weight turned negative) are left out of that construct's summary
 */
public record BootstrapSummary(
    int resamples,
    int failed,
    long seed,
    Map<String, BootstrapEstimate> paths,
    Map<String, BootstrapEstimate> weights,
    Map<String, BootstrapEstimate> loadings,
    Map<String, BootstrapEstimate> index) {

  /** The key under which a path is reported. */
  public static String pathKey(String from, String to) {
    return from + " -> " + to;
  }
}
