package org.manyi.customers.internal;

/** What an admin-defined customer field holds. */
public enum FieldType {
  /** Free text, up to 1,000 characters. */
  TEXT,
  /** A decimal number. */
  NUMBER,
  /** A date (2026-11-23). */
  DATE,
  /** One of the field's options. */
  CHOICE,
  /** Any of the field's options. */
  MULTI_CHOICE
}
