/**
 * Follow-up tasks (回访/跟进): callbacks, visits and care tasks for a customer, assigned to a user with
 * a due time and priority; "my tasks" (today, overdue, upcoming), team views for managers and
 * reminders in the app. Completing a callback logs an interaction through {@link
 * org.manyi.interactions.Interactions}, so it counts as follow-up. A configurable post-purchase
 * rule creates a callback task some days after an order at or above an amount (the orders module's
 * event is wired to it on merge).
 */
@ApplicationModule(
    displayName = "Tasks",
    allowedDependencies = {
      "platform",
      "shared",
      "identity",
      "customers",
      "customers :: events",
      "interactions",
      "orders",
      "orders :: events",
      "value :: events"
    })
@NullMarked
package org.manyi.tasks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
