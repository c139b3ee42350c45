package org.manyi.cases.internal;

/** A three-step scale for the importance (severity) and the urgency of a case. */
public enum Level {
  /** Minor. */
  LOW,
  /** Noticeable. */
  MEDIUM,
  /** Serious. */
  HIGH
}
