package org.manyi.platform;

/** What a running job sees: where to report progress and whether its owner asked it to stop. */
public interface JobContext {

  /** Sets how many units of work there are, when known. */
  void total(long total);

  /** Reports how many units are done so far. Cheap to call often; writes are throttled. */
  void processed(long processed);

  /** Adds a line to the job's messages, shown to the owner. */
  void message(String message);

  /** Stores the job's result document (serialised as JSON). */
  void result(Object result);

  boolean cancelRequested();

  /**
   * Throws {@link JobCancelledException} when cancellation was requested; call between units of
   * work that are safe to stop after.
   */
  default void checkCancelled() {
    if (cancelRequested()) {
      throw new JobCancelledException();
    }
  }
}
