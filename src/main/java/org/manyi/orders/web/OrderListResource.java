package org.manyi.orders.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.orders.OrderStatus;
import org.manyi.orders.internal.OrderManagement.OrderListItem;

/** An order in a list. */
record OrderListResource(
    UUID id,
    String externalId,
    String channel,
    @Nullable String store,
    @Nullable UUID customerId,
    @Nullable String customerName,
    Instant orderedAt,
    BigDecimal total,
    BigDecimal refunded,
    String currency,
    OrderStatus status) {

  static OrderListResource of(OrderListItem item) {
    var o = item.order();
    return new OrderListResource(
        o.id().value(),
        o.externalId(),
        o.channel(),
        o.store(),
        o.customer() == null ? null : o.customer().value(),
        item.customerName(),
        o.orderedAt(),
        o.total(),
        o.refunded(),
        o.currency(),
        o.status());
  }
}
