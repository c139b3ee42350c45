package org.manyi.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.manyi.customers.CustomerId;

/**
 * What a customer bought so far, counting purchases only (orders neither cancelled nor fully
 * refunded).
 *
 * @param totalSpend the totals of the purchases net of their refunds
 * @param averageSpend {@code totalSpend / orderCount}, rounded half up to cents
 * @param spendByCategory item value (quantity times unit price, before discount and refunds) per
 *     category
 * @param lastChannel the channel of the latest purchase
 */
public record PurchaseSummary(
    CustomerId customer,
    Instant firstPurchaseAt,
    Instant lastPurchaseAt,
    int orderCount,
    BigDecimal totalSpend,
    BigDecimal averageSpend,
    Map<String, BigDecimal> spendByCategory,
    String lastChannel) {

  public PurchaseSummary {
    spendByCategory = Map.copyOf(spendByCategory);
  }
}
