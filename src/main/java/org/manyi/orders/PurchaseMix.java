package org.manyi.orders;

import java.math.BigDecimal;
import java.util.Map;
import org.manyi.customers.CustomerId;

/**
 * Where and what a customer bought, for behavioural analyses.
 *
 * @param purchasesByChannel the number of purchases per channel
 * @param spendByCategory item value per category, as in {@link PurchaseSummary#spendByCategory()}
 */
public record PurchaseMix(
    CustomerId customer,
    Map<String, Integer> purchasesByChannel,
    Map<String, BigDecimal> spendByCategory) {

  public PurchaseMix {
    purchasesByChannel = Map.copyOf(purchasesByChannel);
    spendByCategory = Map.copyOf(spendByCategory);
  }
}
