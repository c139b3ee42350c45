package org.manyi.customers;

import java.time.Instant;

/**
 * Follow-up contact with a customer (a logged call, visit, message), which keeps the customer out
 * of the public pool. Modules that log contact report it here.
 */
public interface CustomerFollowUps {

  /** Records contact at {@code at}; an earlier time than the latest known one changes nothing. */
  void followedUp(CustomerId customer, Instant at);
}
