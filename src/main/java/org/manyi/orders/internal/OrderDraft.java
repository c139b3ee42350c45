package org.manyi.orders.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.orders.OrderStatus;

/**
 * An order that passed the field checks, normalised (channel and currency upper case, money in
 * cents), whose customer is still to be found.
 *
 * @param status the status the channel reported, or null to derive it from the refunds
 * @param refunds the refunds the channel reported, or null to keep those recorded
 */
public record OrderDraft(
    String externalId,
    String channel,
    @Nullable String store,
    @Nullable UUID customerId,
    @Nullable String customerExternalId,
    @Nullable String customerPhone,
    @Nullable String customerName,
    Instant orderedAt,
    String currency,
    List<OrderLine> lines,
    BigDecimal discount,
    BigDecimal total,
    @Nullable OrderStatus status,
    @Nullable List<Refund> refunds) {

  public OrderDraft {
    lines = List.copyOf(lines);
    refunds = refunds == null ? null : List.copyOf(refunds);
  }

  /** The key under which the order is unique. */
  public String key() {
    return channel + "\u0000" + externalId;
  }
}
