package org.manyi.cases.internal;

/** The three deadlines of a case. */
public enum Deadline {
  /** Acknowledge receipt. */
  ACKNOWLEDGE,
  /** Give a first response. */
  RESPONSE,
  /** Resolve (close). */
  RESOLUTION
}
