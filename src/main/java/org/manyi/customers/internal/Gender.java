package org.manyi.customers.internal;

/** A person's gender as the customer gave it. */
public enum Gender {
  /** Male (男). */
  MALE,
  /** Female (女). */
  FEMALE,
  /** Not given, or not applicable for a company. */
  UNKNOWN
}
