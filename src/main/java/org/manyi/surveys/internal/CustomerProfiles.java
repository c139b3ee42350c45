package org.manyi.surveys.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.Customers;
import org.manyi.customers.LifecycleStage;
import org.manyi.orders.PurchaseSummaries;
import org.manyi.orders.PurchaseSummary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the surveys module knows of a customer for breakdowns, strata and weights, read through the
 * customers and orders modules' query interfaces: city, stage and owner from the customer record;
 * value tier, total spend and main product category (the one with the largest item value) from the
 * purchase summary.
 */
@Component
public class CustomerProfiles {

  /** A customer as of an answer; all empty for an anonymous answer. */
  record Profile(
      @Nullable String city,
      @Nullable String stage,
      @Nullable UUID ownerId,
      @Nullable String valueTier,
      @Nullable String category,
      @Nullable BigDecimal spend) {

    static final Profile ANONYMOUS = new Profile(null, null, null, null, null, null);
  }

  private final Customers customers;
  private final PurchaseSummaries purchases;
  private final BigDecimal high;
  private final BigDecimal medium;

  CustomerProfiles(
      Customers customers,
      PurchaseSummaries purchases,
      @Value("${manyi.surveys.value-tiers.high:5000}") BigDecimal high,
      @Value("${manyi.surveys.value-tiers.medium:1000}") BigDecimal medium) {
    this.customers = customers;
    this.purchases = purchases;
    this.high = high;
    this.medium = medium;
  }

  Profile profile(@Nullable UUID customerId) {
    if (customerId == null) {
      return Profile.ANONYMOUS;
    }
    CustomerId id = new CustomerId(customerId);
    Optional<CustomerSummary> customer = customers.find(id);
    if (customer.isEmpty()) {
      return Profile.ANONYMOUS;
    }
    CustomerSummary c = customer.get();
    Optional<PurchaseSummary> bought = purchases.find(id);
    BigDecimal spend = bought.map(PurchaseSummary::totalSpend).orElse(null);
    String category =
        bought
            .flatMap(
                p ->
                    p.spendByCategory().entrySet().stream()
                        .max(
                            Map.Entry.<String, BigDecimal>comparingByValue()
                                .thenComparing(
                                    Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))))
            .map(Map.Entry::getKey)
            .orElse(null);
    return new Profile(
        c.city() == null || c.city().isBlank() ? null : c.city().strip(),
        c.stage().name(),
        c.ownerId() == null ? null : c.ownerId().value(),
        tier(spend).name(),
        category,
        spend);
  }

  /** The spend from which a customer is of high value. */
  public BigDecimal highTier() {
    return high;
  }

  /** The spend from which a customer is of medium value. */
  public BigDecimal mediumTier() {
    return medium;
  }

  ValueTier tier(@Nullable BigDecimal spend) {
    return ValueTier.of(spend, high, medium);
  }

  /** The value tiers of these customers, in one query per thousand customers. */
  Map<UUID, ValueTier> tiers(Collection<UUID> customerIds) {
    Map<CustomerId, BigDecimal> spend =
        purchases.totalSpend(customerIds.stream().map(CustomerId::new).toList());
    Map<UUID, ValueTier> tiers = new java.util.HashMap<>();
    for (UUID id : customerIds) {
      tiers.put(id, tier(spend.get(new CustomerId(id))));
    }
    return tiers;
  }

  /**
   * How many customers of the whole base are in each group of a stratum, for population shares;
   * customers without a city count under the empty string.
   */
  Map<String, Long> population(GroupBy stratum) {
    Map<String, Long> counts = new TreeMap<>();
    switch (stratum) {
      case STAGE -> {
        Map<LifecycleStage, Long> stages = customers.countByStage();
        stages.forEach((stage, n) -> counts.put(stage.name(), n));
      }
      case CITY -> counts.putAll(customers.countByCity());
      case VALUE_TIER -> {
        long all = customers.count();
        long buyers = purchases.buyersWithSpendAtLeast(BigDecimal.valueOf(-1_000_000_000L));
        long atHigh = purchases.buyersWithSpendAtLeast(high);
        long atMedium = purchases.buyersWithSpendAtLeast(medium);
        Map<ValueTier, Long> tiers = new EnumMap<>(ValueTier.class);
        tiers.put(ValueTier.HIGH, atHigh);
        tiers.put(ValueTier.MEDIUM, atMedium - atHigh);
        tiers.put(ValueTier.LOW, buyers - atMedium);
        tiers.put(ValueTier.NONE, Math.max(0, all - buyers));
        tiers.forEach((tier, n) -> counts.put(tier.name(), n));
      }
      default -> throw new IllegalArgumentException("not a stratum: " + stratum);
    }
    return counts;
  }
}
