package org.manyi.orders;

/** Where an order stands; refunds move it from paid to partially refunded to refunded. */
public enum OrderStatus {
  /** Paid and not refunded. */
  PAID,
  /** Cancelled before it was fulfilled; not a purchase. */
  CANCELLED,
  /** Refunded in full; not a purchase. */
  REFUNDED,
  /** Some of the total was refunded; a purchase of the rest. */
  PARTIALLY_REFUNDED;

  /** Whether an order in this status counts as a purchase in summaries and lifecycle stages. */
  public boolean isPurchase() {
    return this == PAID || this == PARTIALLY_REFUNDED;
  }
}
