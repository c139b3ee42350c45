package org.manyi.orders.events;

import java.math.BigDecimal;
import java.time.Instant;
import org.manyi.customers.CustomerId;
import org.manyi.orders.OrderId;
import org.manyi.orders.OrderStatus;

/**
 * Money of an order was given back.
 *
 * @param amount what this refund gave back
 * @param refundedTotal everything refunded on the order so far
 * @param status the order's status after the refund
 */
public record OrderRefunded(
    OrderId order,
    CustomerId customer,
    BigDecimal amount,
    BigDecimal refundedTotal,
    String currency,
    OrderStatus status,
    Instant refundedAt) {}
