package org.manyi.pls;

/** How items are treated before estimation. */
public enum Scaling {
  /** Centred and divided by the population standard deviation. */
  STANDARDIZED,
  /** Centred only, so items keep their original units. */
  RAW
}
