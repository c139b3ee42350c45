package org.manyi.customers;

import org.manyi.identity.CurrentUser;

/**
 * The customer data scope (AGENT: own customers, MANAGER: the team's, ADMIN: all) for other
 * modules, so an order or interaction of a customer outside the scope is as invisible as the
 * customer.
 */
public interface CustomerAccess {

  /** Whether the user may see this customer (false too when it does not exist). */
  boolean canRead(CurrentUser user, CustomerId customer);

  /**
   * The condition for list queries over rows that reference customers.
   *
   * @param customerIdColumn the column holding the customer ID, such as {@code o.customer_id}
   */
  ScopeCondition condition(CurrentUser user, String customerIdColumn);

  /**
   * Every customer of the selection that the user may see, oldest first, handed over in chunks of
   * summaries (no contact details) so that a selection of a million customers never sits in memory.
   */
  void select(
      CurrentUser user,
      CustomerSelection selection,
      int chunk,
      java.util.function.Consumer<java.util.List<CustomerSummary>> each);
}
