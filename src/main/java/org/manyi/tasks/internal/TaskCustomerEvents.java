package org.manyi.tasks.internal;

import org.manyi.customers.events.CustomerDeleted;
import org.manyi.customers.events.CustomerMerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps tasks with their customer: a merge moves them to the surviving record, a deletion deletes
 * them. Both tolerate running twice.
 */
@Component
class TaskCustomerEvents {

  private final TaskManagement tasks;

  TaskCustomerEvents(TaskManagement tasks) {
    this.tasks = tasks;
  }

  @ApplicationModuleListener
  void on(CustomerMerged event) {
    tasks.moveCustomer(event.merged(), event.survivor());
  }

  @ApplicationModuleListener
  void on(CustomerDeleted event) {
    tasks.deleteCustomer(event.customer());
  }
}
