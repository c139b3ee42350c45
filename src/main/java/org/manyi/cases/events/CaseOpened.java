package org.manyi.cases.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.CaseId;
import org.manyi.customers.CustomerId;

/**
 * A case was received.
 *
 * @param type the case type name, such as {@code COMPLAINT}
 * @param channel the channel name, such as {@code PHONE}
 * @param customerId absent for an unidentified contact
 */
public record CaseOpened(
    CaseId caseId,
    String number,
    String type,
    String channel,
    @Nullable CustomerId customerId,
    Instant at) {}
