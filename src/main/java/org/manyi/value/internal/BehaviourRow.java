package org.manyi.value.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;

/**
 * One buyer's behaviour as of a date, before any scaling.
 *
 * @param monetary total spend net of refunds
 * @param satisfaction the mean survey score on 0–100; absent when the customer never answered
 * @param categoryShares share of item value per category (summing to 1 when any)
 * @param channelShares share of purchases per channel (summing to 1 when any)
 */
record BehaviourRow(
    CustomerId customer,
    double recencyDays,
    int frequency,
    double monetary,
    double tenureDays,
    @Nullable Double satisfaction,
    Map<String, Double> categoryShares,
    Map<String, Double> channelShares) {

  double averageOrder() {
    return frequency == 0 ? 0 : monetary / frequency;
  }
}
