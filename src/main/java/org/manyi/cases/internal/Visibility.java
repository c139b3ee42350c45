package org.manyi.cases.internal;

/** Who may read a history entry. */
public enum Visibility {
  /** Staff only; never shown to the customer. */
  INTERNAL,
  /** Shown to the customer too (acknowledgements, responses). */
  CUSTOMER
}
