package org.manyi.orders.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.orders.OrderStatus;
import org.manyi.orders.internal.Order;
import org.manyi.orders.internal.OrderManagement.OrderView;

/** An order as the API returns it. */
record OrderResource(
    UUID id,
    String externalId,
    String channel,
    @Nullable String store,
    @Nullable UUID customerId,
    @Nullable String customerName,
    Instant orderedAt,
    String currency,
    List<Item> items,
    BigDecimal discount,
    BigDecimal total,
    BigDecimal refunded,
    OrderStatus status,
    List<RefundResource> refunds,
    Instant createdAt,
    Instant updatedAt) {

  /** One line item. */
  record Item(
      String sku,
      String name,
      String category,
      int quantity,
      BigDecimal unitPrice,
      BigDecimal amount) {}

  /** One refund. */
  record RefundResource(Instant refundedAt, BigDecimal amount, @Nullable String reason) {}

  static OrderResource of(OrderView view) {
    Order o = view.order();
    return new OrderResource(
        o.id().value(),
        o.externalId(),
        o.channel(),
        o.store(),
        o.customer() == null ? null : o.customer().value(),
        view.customerName(),
        o.orderedAt(),
        o.currency(),
        o.lines().stream()
            .map(
                l ->
                    new Item(
                        l.sku(), l.name(), l.category(), l.quantity(), l.unitPrice(), l.amount()))
            .toList(),
        o.discount(),
        o.total(),
        o.refunded(),
        o.status(),
        o.refunds().stream().map(r -> new RefundResource(r.at(), r.amount(), r.reason())).toList(),
        o.createdAt(),
        o.updatedAt());
  }
}
