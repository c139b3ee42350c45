package org.manyi.cases.internal;

/** How a team queue picks the member who owns a routed case. */
public enum AssignmentStrategy {
  /** The members take turns, in the order of their names. */
  ROUND_ROBIN,
  /** The member with the fewest open cases; on a tie, the first by name. */
  LEAST_LOADED
}
