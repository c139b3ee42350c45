package org.manyi.tasks;

/** Where a task stands. Only open tasks can change. */
public enum TaskStatus {
  /** To do. */
  OPEN,
  /** Done, with a result note. */
  DONE,
  /** Dropped, with a reason. */
  CANCELLED
}
