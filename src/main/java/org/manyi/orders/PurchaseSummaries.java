package org.manyi.orders;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import org.manyi.customers.CustomerId;

/**
 * Read access to customers' purchases for other modules (segments, analytics, loyalty), without a
 * scan of the order history. Not scoped to a user: callers apply their own scope.
 */
public interface PurchaseSummaries {

  /** The customer's purchase summary; empty when the customer has not bought anything. */
  Optional<PurchaseSummary> find(CustomerId customer);

  /**
   * Streams every purchase dated on or before {@code upTo}, ordered by customer and date, without
   * holding them all in memory.
   */
  void transactions(LocalDate upTo, Consumer<PurchaseTransaction> sink);

  /** One customer's purchases dated on or before {@code upTo}, oldest first. */
  java.util.List<PurchaseTransaction> transactions(CustomerId customer, LocalDate upTo);

  /**
   * /** The total spend (net of refunds) of each of these customers that has bought something, in
   * one query per thousand customers; customers without purchases are left out.
   */
  java.util.Map<CustomerId, java.math.BigDecimal> totalSpend(
      java.util.Collection<CustomerId> customers);

  /** How many customers have bought something for a total spend of at least {@code minimum}. */
  long buyersWithSpendAtLeast(java.math.BigDecimal minimum);
}
