package org.manyi.interactions.internal;

import org.manyi.customers.events.CustomerDeleted;
import org.manyi.customers.events.CustomerMerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps interactions with their customer: a merge moves them to the surviving record, a deletion
 * deletes them with their files. Both tolerate running twice (the second run finds nothing).
 */
@Component
class InteractionCustomerEvents {

  private final InteractionManagement interactions;

  InteractionCustomerEvents(InteractionManagement interactions) {
    this.interactions = interactions;
  }

  @ApplicationModuleListener
  void on(CustomerMerged event) {
    interactions.moveCustomer(event.merged(), event.survivor());
  }

  @ApplicationModuleListener
  void on(CustomerDeleted event) {
    interactions.deleteCustomer(event.customer());
  }
}
