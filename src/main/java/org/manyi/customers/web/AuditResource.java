package org.manyi.customers.web;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.internal.AuditAction;
import org.manyi.customers.internal.AuditEntry;

/**
 * One line of the audit trail as the JSON API shows it.
 *
 * @param customerName the customer's current name, null when it was deleted since
 * @param fields which fields were revealed or changed, comma-separated
 */
record AuditResource(
    UUID id,
    UUID customerId,
    @Nullable String customerName,
    UUID actorId,
    String actorName,
    AuditAction action,
    @Nullable String fields,
    Instant at) {

  static AuditResource of(AuditEntry e) {
    return new AuditResource(
        e.id(),
        e.customer().value(),
        e.customerName(),
        e.actor().value(),
        e.actorName(),
        e.action(),
        e.fields(),
        e.at());
  }
}
