package org.manyi.pls;

/** Inner weighting scheme used to build each construct's inner proxy from its neighbours. */
public enum Scheme {
  /** Regression weights for predecessors, correlations for successors (Lohmöller). */
  PATH,
  /** Sign of the correlation with each adjacent construct. */
  CENTROID,
  /** Correlation with each adjacent construct. */
  FACTORIAL
}
