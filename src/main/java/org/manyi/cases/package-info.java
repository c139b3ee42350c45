/**
 * Feedback and complaint cases (ISO 10002 style): every complaint, suggestion, inquiry, praise or
 * after-sales request becomes a case with a human-readable number, an append-only history, a state
 * machine (received, acknowledged, assessed, investigating, responded, closed, reopened,
 * escalated), an assessment against an admin-editable category taxonomy with a priority from an
 * importance times urgency matrix, deadlines per priority that pause while waiting for the customer
 * and escalate when breached, a team queue with round-robin assignment, and closure that requires
 * the customer's reaction. Publishes the events in {@code events} for modules that follow up
 * (post-case surveys, alerts).
 */
@ApplicationModule(
    displayName = "Cases",
    allowedDependencies = {
      "platform",
      "shared",
      "identity",
      "customers",
      "customers :: events",
      "surveys",
      "surveys :: events",
      "knowledge"
    })
@NullMarked
package org.manyi.cases;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
