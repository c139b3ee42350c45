/**
 * Feedback and complaint cases (ISO 10002 style): every complaint, suggestion, inquiry, praise or
 * after-sales request becomes a case with a human-readable number, an append-only history, a state
 * machine (received, acknowledged, assessed, investigating, responded, closed, reopened,
 * escalated), an assessment against an admin-editable category taxonomy with a priority from an
 * importance times urgency matrix, deadlines per priority counted in working time on an
 * admin-edited calendar (business hours, public holidays, make-up working days) that pause while
 * waiting for the customer and escalate when breached, an acknowledgement emailed on receipt,
 * admin-edited routing rules to team queues with round-robin or least-loaded assignment, remedies
 * above a threshold approved by a supervisor, closure that requires the customer's reaction, and
 * service metrics (volumes, Pareto, handling times, SLA compliance, loop closure). Publishes the
 * events in {@code events} for modules that follow up (post-case surveys, alerts).
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
