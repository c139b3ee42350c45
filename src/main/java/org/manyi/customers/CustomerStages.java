package org.manyi.customers;

import java.time.Instant;
import java.util.List;

/**
 * The lifecycle stage as other modules derive it (the orders module from purchases). Every change
 * is kept in a history and published as {@link org.manyi.customers.events.CustomerStageChanged}.
 */
public interface CustomerStages {

  /**
   * Moves the customer to {@code to}; nothing happens when it is already there or unknown.
   *
   * @param reason a short machine-readable cause such as {@code first-purchase} or {@code
   *     no-purchase-90d}
   * @return whether the stage changed
   */
  boolean move(CustomerId customer, LifecycleStage to, String reason, Instant at);

  /** The customer's stage changes, newest first. */
  List<StageChange> history(CustomerId customer);
}
