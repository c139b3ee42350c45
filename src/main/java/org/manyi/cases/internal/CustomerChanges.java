package org.manyi.cases.internal;

import org.manyi.customers.events.CustomerDeleted;
import org.manyi.customers.events.CustomerMerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps cases pointing at live customers: a merged customer's cases move to the survivor, a deleted
 * customer's cases stay as cases of an unidentified contact. Both are safe to run twice.
 */
@Component
class CustomerChanges {

  private final CaseRepository cases;

  CustomerChanges(CaseRepository cases) {
    this.cases = cases;
  }

  @ApplicationModuleListener
  void on(CustomerMerged event) {
    cases.moveCustomer(event.merged(), event.survivor());
  }

  @ApplicationModuleListener
  void on(CustomerDeleted event) {
    cases.forgetCustomer(event.customer());
  }
}
