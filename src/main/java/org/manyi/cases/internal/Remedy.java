package org.manyi.cases.internal;

/** What the company offers to resolve a case. */
public enum Remedy {
  /** Repair the product. */
  REPAIR,
  /** Replace the product. */
  REPLACE,
  /** Refund money. */
  REFUND,
  /** Credit loyalty points. */
  POINTS,
  /** Apologise. */
  APOLOGY,
  /** Explain (no material remedy). */
  EXPLANATION
}
