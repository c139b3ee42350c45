package org.manyi.tasks;

/** How urgent a task is; lists show more urgent tasks first among those due at the same time. */
public enum TaskPriority {
  /** Whenever there is time. */
  LOW,
  /** The usual. */
  NORMAL,
  /** Before the normal ones. */
  HIGH,
  /** Drop other work. */
  URGENT
}
