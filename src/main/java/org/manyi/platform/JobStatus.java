package org.manyi.platform;

/** Where a background job stands. */
public enum JobStatus {
  /** Accepted, waiting for a worker. */
  QUEUED,
  /** A worker is on it; processed and total say how far. */
  RUNNING,
  /** Finished; the result is complete. */
  SUCCEEDED,
  /** Stopped by an error or a restart; the error says what was and was not applied. */
  FAILED,
  /** Stopped at the owner's request; the messages say what was applied before. */
  CANCELLED;

  public boolean finished() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
