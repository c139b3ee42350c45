package org.manyi.orders.events;

import java.math.BigDecimal;
import java.time.Instant;
import org.manyi.customers.CustomerId;
import org.manyi.orders.OrderId;

/** A new order arrived (not one already cancelled); published once per order. */
public record OrderPlaced(
    OrderId order,
    CustomerId customer,
    String externalId,
    String channel,
    BigDecimal total,
    String currency,
    Instant orderedAt) {}
