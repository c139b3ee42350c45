package org.manyi.clv;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One purchase of a customer: the raw input of the CLV models.
 *
 * @param customerId the customer, never blank
 * @param date the purchase day (time of day is irrelevant: purchases on one day are merged)
 * @param amount the monetary value; must be finite (zero is allowed, CDNOW has $0 orders)
 */
public record Transaction(String customerId, LocalDate date, double amount) {

  public Transaction {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(date, "date");
    if (customerId.isBlank()) {
      throw new IllegalArgumentException("customerId must not be blank");
    }
    if (!Double.isFinite(amount)) {
      throw new IllegalArgumentException("amount must be finite, was " + amount);
    }
  }
}
