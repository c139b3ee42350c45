package org.manyi.customers;

import java.util.List;
import java.util.Optional;

/**
 * Read access to customers for other modules. These reads are not scoped to a user: the calling
 * module applies its own scope (usually by the customer's owner and team in the summary).
 */
public interface Customers {

  Optional<CustomerSummary> find(CustomerId id);

  long count();

  /**
   * Customers in a stable order (oldest first), for batch work such as other modules' demo data.
   */
  List<CustomerSummary> list(int offset, int limit);
}
