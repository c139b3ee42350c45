package org.manyi.value.internal;

/** What opened a defection record. */
public enum DefectionSource {
  /** The customer's lifecycle stage became lost. */
  MARKED_LOST,
  /** Someone talked with the lost customer and logged it. */
  INTERVIEW
}
