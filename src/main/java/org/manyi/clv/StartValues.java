package org.manyi.clv;

import org.manyi.clv.internal.RfGroups;

/**
 * Start points for the likelihood maximisation, on the log scale. The first start matches the
 * observed mean purchase rate with a moderately heterogeneous Gamma (r = 1, so alpha = T̄ / x̄);
 * the second is the neutral all-ones start used by common implementations; the third a strongly
 * heterogeneous one. Trying several makes the fit robust against a start in a flat region.
 */
final class StartValues {

  /** Lower bound on the mean frequency used to scale alpha, so a base of one-time buyers works. */
  private static final double MIN_MEAN_FREQUENCY = 0.1;

  private static final double HETEROGENEOUS_SHAPE = 0.25;

  private StartValues() {}

  static double[][] betaGeometric(RfGroups g) {
    double alpha = g.meanAge() / Math.max(g.meanX(), MIN_MEAN_FREQUENCY);
    return new double[][] {
      {0, Math.log(alpha), 0, 0},
      {0, 0, 0, 0},
      {Math.log(HETEROGENEOUS_SHAPE), Math.log(alpha * HETEROGENEOUS_SHAPE), 0, Math.log(2)}
    };
  }

  static double[][] paretoNbd(RfGroups g) {
    double alpha = g.meanAge() / Math.max(g.meanX(), MIN_MEAN_FREQUENCY);
    return new double[][] {
      {0, Math.log(alpha), 0, Math.log(g.meanAge())},
      {0, 0, 0, 0},
      {
        Math.log(HETEROGENEOUS_SHAPE),
        Math.log(alpha * HETEROGENEOUS_SHAPE),
        Math.log(HETEROGENEOUS_SHAPE),
        Math.log(alpha * HETEROGENEOUS_SHAPE)
      }
    };
  }
}
