package org.manyi.customers;

import org.manyi.identity.UserId;

/** Registration of customers by other modules (order ingestion that may create unknown buyers). */
public interface CustomerIntake {

  /**
   * Registers a customer owned by {@code by} (and their team), without a duplicate check: the
   * caller has already looked the customer up by external ID and phone.
   *
   * @throws org.manyi.platform.ProblemException when the data is invalid (bad phone, blank name)
   */
  CustomerId register(NewCustomer customer, UserId by);
}
