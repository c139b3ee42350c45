package org.manyi.cases.internal;

/** What a history entry records. */
public enum HistoryKind {
  /** The case was received. */
  RECEIVED,
  /** The status changed. */
  STATUS,
  /** A message to or from the customer. */
  MESSAGE,
  /** An internal note. */
  NOTE,
  /** The queue or the assignee changed. */
  ASSIGNMENT,
  /** The assessment (category, severity, urgency, priority) was set. */
  ASSESSMENT,
  /** A supervisor alert for an urgent category. */
  ALERT,
  /** A deadline was set, paused, resumed or moved, always with its reason. */
  SLA,
  /** The case was escalated. */
  ESCALATION,
  /** The customer's reaction was recorded. */
  REACTION,
  /** A remedy above its threshold was put to a supervisor, approved or refused. */
  APPROVAL
}
