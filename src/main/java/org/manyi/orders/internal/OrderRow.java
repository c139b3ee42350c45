package org.manyi.orders.internal;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.orders.OrderId;
import org.manyi.orders.OrderStatus;

/** An order in a list: the header without items and refunds. */
public record OrderRow(
    OrderId id,
    String externalId,
    String channel,
    @Nullable String store,
    @Nullable CustomerId customer,
    Instant orderedAt,
    BigDecimal total,
    BigDecimal refunded,
    String currency,
    OrderStatus status) {}
