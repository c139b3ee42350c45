package org.manyi.tasks.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.Customers;
import org.manyi.tasks.TaskPriority;
import org.manyi.tasks.TaskType;
import org.manyi.value.events.ChurnWarningRaised;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A churn warning becomes a retention call for the customer's owner, due in three days. */
@Component
class RetentionCalls {

  static final Duration DUE_IN = Duration.ofDays(3);
  static final String NOTE_PREFIX = "挽留回访 / retention call: ";

  private final TaskRepository tasks;
  private final Customers customers;
  private final Clock clock = Clock.systemUTC();

  RetentionCalls(TaskRepository tasks, Customers customers) {
    this.tasks = tasks;
    this.customers = customers;
  }

  @ApplicationModuleListener
  void on(ChurnWarningRaised warning) {
    // one open retention call per customer, even if the event comes twice
    if (tasks.hasOpenCallback(warning.customer(), NOTE_PREFIX)) {
      return;
    }
    Optional<CustomerSummary> customer = customers.find(warning.customer());
    if (customer.isEmpty() || customer.get().ownerId() == null) {
      return;
    }
    Instant now = clock.instant();
    tasks.insert(
        Task.open(
            new NewTask(
                warning.customer(),
                TaskType.CALLBACK,
                customer.get().ownerId(),
                now.plus(DUE_IN),
                TaskPriority.HIGH,
                NOTE_PREFIX + String.join(", ", warning.reasons()),
                null),
            null,
            now));
  }
}
