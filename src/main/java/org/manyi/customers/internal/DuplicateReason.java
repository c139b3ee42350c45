package org.manyi.customers.internal;

/** Why an existing customer looks like the same one as a new record. */
public enum DuplicateReason {
  /** They share a phone number. */
  PHONE,
  /** They share an email address. */
  EMAIL,
  /** Same name and same birthday. */
  NAME_AND_BIRTHDAY,
  /** Same ID in another system. */
  EXTERNAL_ID,
  /** Same resident identity card number. */
  ID_NUMBER
}
