package org.manyi.orders.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.orders.OrderStatus;

/**
 * What an order list is limited to; every part is optional.
 *
 * @param q an external order ID (or its start), or a customer's phone, external customer ID or name
 *     (as in the customer search)
 * @param from first order day (China Standard Time), inclusive
 * @param to last order day, inclusive
 */
public record OrderFilter(
    @Nullable String q,
    @Nullable String channel,
    @Nullable OrderStatus status,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    @Nullable UUID customer) {

  public static OrderFilter none() {
    return new OrderFilter(null, null, null, null, null, null);
  }

  public boolean isEmpty() {
    return q == null
        && channel == null
        && status == null
        && from == null
        && to == null
        && customer == null;
  }
}
