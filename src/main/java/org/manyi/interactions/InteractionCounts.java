package org.manyi.interactions;

import java.util.Map;
import org.manyi.customers.CustomerId;

/** How many interactions were logged with each customer, for service-cost analyses. */
public interface InteractionCounts {

  /** The number of interactions per customer who has any. Not scoped to a user. */
  Map<CustomerId, Long> perCustomer();
}
