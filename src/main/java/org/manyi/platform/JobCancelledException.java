package org.manyi.platform;

/** Thrown from a job's work when its owner cancelled it; the runner marks the job cancelled. */
public class JobCancelledException extends RuntimeException {

  public JobCancelledException() {
    super("cancelled");
  }
}
