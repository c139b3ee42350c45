package org.manyi.customers.internal;

/** Why a customer's owner changed. */
public enum AssignmentReason {
  /** A user handed the customer to another owner. */
  REASSIGNED,
  /** An agent took the customer from the public pool. */
  CLAIMED,
  /** The owner gave the customer back to the public pool. */
  RELEASED,
  /** Nobody followed the customer up in time, so it went back to the pool. */
  RETURNED
}
