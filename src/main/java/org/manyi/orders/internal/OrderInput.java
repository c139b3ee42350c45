package org.manyi.orders.internal;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order as a channel sends it, before validation: every field may be missing or wrong, and
 * {@link OrderRules#check} names each problem by its JSON path.
 *
 * @param customerName the name for a customer created from this order (unknownCustomer CREATE)
 * @param orderedAt ISO date-time with offset, such as {@code 2026-11-11T20:15:00+08:00}
 * @param total optional; computed from items minus discount when absent, checked when present
 * @param status {@code PAID} (default), {@code CANCELLED}, {@code REFUNDED} or {@code
 *     PARTIALLY_REFUNDED}
 * @param refunds when present, replaces the order's refunds; when absent, the refunds already
 *     recorded stay
 */
public record OrderInput(
    @Nullable String externalId,
    @Nullable String customerId,
    @Nullable String customerExternalId,
    @Nullable String customerPhone,
    @Nullable String customerName,
    @Nullable String orderedAt,
    @Nullable String channel,
    @Nullable String store,
    @Nullable List<ItemInput> items,
    @Nullable BigDecimal discount,
    @Nullable BigDecimal total,
    @Nullable String currency,
    @Nullable String status,
    @Nullable List<RefundInput> refunds) {

  /** One line item as sent. */
  public record ItemInput(
      @Nullable String sku,
      @Nullable String name,
      @Nullable String category,
      @Nullable Integer quantity,
      @Nullable BigDecimal unitPrice) {}

  /** One refund as sent; {@code refundedAt} is an ISO date-time with offset. */
  public record RefundInput(
      @Nullable String refundedAt, @Nullable BigDecimal amount, @Nullable String reason) {}
}
