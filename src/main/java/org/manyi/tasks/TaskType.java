package org.manyi.tasks;

/** What kind of follow-up a task asks for. */
public enum TaskType {
  /** Call the customer back (回访); completing it logs an outgoing phone interaction. */
  CALLBACK,
  /** Visit the customer. */
  VISIT,
  /** Customer care: a birthday greeting, a check after a complaint, a gift. */
  CARE,
  /** Anything else. */
  OTHER
}
