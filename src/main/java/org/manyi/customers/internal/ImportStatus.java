package org.manyi.customers.internal;

/** Where a customer import stands. */
public enum ImportStatus {
  /** The file is stored and its columns mapped; nothing checked yet. */
  UPLOADED,
  /** Every row is being checked, nothing written. */
  CHECKING,
  /** Checked; the report says what an import would do. */
  CHECKED,
  /** Batches are being written. */
  RUNNING,
  /**
   * Stopped part-way (cancelled, failed or the server restarted); can be resumed or rolled back.
   */
  INTERRUPTED,
  /** Every row was handled. */
  COMPLETED,
  /** The customers the import created were removed again. */
  ROLLED_BACK;

  /** Whether the import can be resumed from its last committed batch. */
  public boolean resumable() {
    return this == INTERRUPTED;
  }

  /** Whether what the import created can be removed. */
  public boolean rollbackable() {
    return this == INTERRUPTED || this == COMPLETED;
  }

  /** Whether checking or running can start (again). */
  public boolean startable() {
    return this == UPLOADED || this == CHECKED;
  }
}
