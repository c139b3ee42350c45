package org.manyi.customers.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.identity.UserId;

/**
 * One line of the audit trail.
 *
 * @param fields which fields were revealed or changed, comma-separated
 * @param customerName the customer's current name, null when it was deleted since
 */
public record AuditEntry(
    UUID id,
    CustomerId customer,
    @Nullable String customerName,
    UserId actor,
    String actorName,
    AuditAction action,
    @Nullable String fields,
    Instant at) {}
