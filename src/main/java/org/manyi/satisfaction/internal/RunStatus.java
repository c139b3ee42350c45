package org.manyi.satisfaction.internal;

/** Where a model run stands. */
public enum RunStatus {
  /** Accepted; its background job has not finished. */
  RUNNING,
  /** Estimated; the result is stored. */
  SUCCEEDED,
  /** The data or model could not be estimated; the error says why. */
  FAILED,
  /** Stopped at the owner's request before it finished. */
  CANCELLED;

  public boolean finished() {
    return this != RUNNING;
  }
}
