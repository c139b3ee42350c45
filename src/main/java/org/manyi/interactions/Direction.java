package org.manyi.interactions;

/** Who started a conversation. */
public enum Direction {
  /** The customer reached out to us. */
  INBOUND,
  /** We reached out to the customer. */
  OUTBOUND
}
