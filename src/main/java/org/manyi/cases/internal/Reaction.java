package org.manyi.cases.internal;

/** How the customer took the proposed resolution. */
public enum Reaction {
  /** The customer accepted it. */
  ACCEPTED,
  /** The customer rejected it: the case escalates to an internal review. */
  REJECTED,
  /** The customer did not answer within the waiting period. */
  NO_REPLY
}
