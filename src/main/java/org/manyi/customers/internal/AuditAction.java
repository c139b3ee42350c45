package org.manyi.customers.internal;

/** What was done to a customer's record, as the audit trail keeps it. */
public enum AuditAction {
  /** The customer was added. */
  CREATED,
  /** The customer's record was changed. */
  UPDATED,
  /** Personal data (phones, emails) was shown unmasked. */
  REVEALED,
  /** Another record was merged into this one. */
  MERGED,
  /** The customer was deleted. */
  DELETED,
  /** The customer was added or changed by a file import. */
  IMPORTED,
  /** The customer's record, with the listed fields, was exported to a file. */
  EXPORTED
}
