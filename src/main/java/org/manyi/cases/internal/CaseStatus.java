package org.manyi.cases.internal;

/** Where a case stands in its process. */
public enum CaseStatus {
  /** Recorded, not yet acknowledged to the customer. */
  RECEIVED,
  /** The customer was told the case number and how to follow it. */
  ACKNOWLEDGED,
  /** Category, severity and priority are set. */
  ASSESSED,
  /** Someone in the queue works on it. */
  INVESTIGATING,
  /** A resolution was proposed; waiting for the customer's reaction. */
  RESPONDED,
  /** Done, with the customer's reaction recorded. */
  CLOSED,
  /** Closed once, opened again under the same number. */
  REOPENED,
  /** Raised to a higher level by hand, by a rejection or by a breached deadline. */
  ESCALATED;

  /** Whether the case still needs work. */
  public boolean open() {
    return this != CLOSED;
  }
}
