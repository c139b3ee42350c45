package org.manyi.cases;

import java.util.Map;
import org.manyi.customers.CustomerId;

/** How many cases each customer has raised, for service-cost analyses. Not scoped to a user. */
public interface CaseCounts {

  /** The number of cases per customer who has any, whatever their status. */
  Map<CustomerId, Long> perCustomer();
}
