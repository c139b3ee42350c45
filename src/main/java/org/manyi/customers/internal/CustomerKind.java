package org.manyi.customers.internal;

/** Whether a customer is a person or an organisation. */
public enum CustomerKind {
  /** A private person (个人). */
  PERSON,
  /** A company or other organisation (企业). */
  COMPANY
}
