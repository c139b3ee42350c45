package org.manyi.cases.internal;

/** How a deadline stands. */
public enum ClockState {
  /** Met in time. */
  MET,
  /** Met, but late. */
  MET_LATE,
  /** Running, with plenty of time left. */
  ON_TRACK,
  /** Running, with less than the due-soon share of its target left. */
  DUE_SOON,
  /** Passed and not met. */
  BREACHED,
  /** Stopped while waiting for the customer. */
  PAUSED
}
