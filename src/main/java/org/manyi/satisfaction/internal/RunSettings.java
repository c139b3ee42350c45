package org.manyi.satisfaction.internal;

import org.manyi.pls.PlsModel;

/**
 * Estimation settings of one run, stored with it so the run can be repeated exactly.
 *
 * @param tolerance convergence threshold
 * @param maxIterations iteration limit
 * @param bootstrap resamples, 0 for none
 * @param seed bootstrap seed
 */
public record RunSettings(double tolerance, int maxIterations, int bootstrap, long seed) {

  /** More resamples than this add nothing to a 95% interval but minutes of waiting. */
  public static final int MAX_BOOTSTRAP = 5000;

  public static RunSettings defaults() {
    return new RunSettings(
        1e-7, PlsModel.DEFAULT_MAX_ITERATIONS, PlsModel.DEFAULT_BOOTSTRAP, PlsModel.DEFAULT_SEED);
  }
}
