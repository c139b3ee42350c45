package org.manyi.satisfaction.internal;

/**
 * Where a driver falls in the importance–performance matrix (四分图), split at the drivers' mean
 * importance and mean performance.
 */
public enum Quadrant {
  /** Important and performing well: protect it. */
  KEEP_UP_THE_GOOD_WORK,
  /** Important but performing poorly: the first place to invest. */
  CONCENTRATE_HERE,
  /** Neither important nor performing well: no urgency. */
  LOW_PRIORITY,
  /** Performing well but of little importance: effort may be better spent elsewhere. */
  POSSIBLE_OVERKILL
}
