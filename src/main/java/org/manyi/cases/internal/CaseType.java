package org.manyi.cases.internal;

/** What kind of feedback a case is. */
public enum CaseType {
  /** Dissatisfaction the customer wants remedied (投诉). */
  COMPLAINT,
  /** An idea for improvement (建议). */
  SUGGESTION,
  /** A question (咨询). */
  INQUIRY,
  /** Praise (表扬). */
  PRAISE,
  /** A repair, exchange or return request (售后). */
  AFTER_SALES,
  /** Opened by a dissatisfied survey answer: the owner contacts the customer (挽回). */
  RECOVERY
}
