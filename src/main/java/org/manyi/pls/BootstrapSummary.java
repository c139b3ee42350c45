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
 */
public record BootstrapSummary(
    int resamples,
    int failed,
    long seed,
    Map<String, BootstrapEstimate> paths,
    Map<String, BootstrapEstimate> weights,
    Map<String, BootstrapEstimate> loadings) {

  /** The key under which a path is reported. */
  public static String pathKey(String from, String to) {
    return from + " -> " + to;
  }
}
