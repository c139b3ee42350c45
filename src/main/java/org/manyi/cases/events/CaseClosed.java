package org.manyi.cases.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.CaseId;
import org.manyi.customers.CustomerId;

/**
 * A case was closed with the customer's reaction recorded; the surveys module may send a post-case
 * survey.
 *
 * @param customerId absent for an unidentified contact
 * @param reaction {@code ACCEPTED} or {@code NO_REPLY}
 * @param rootCause the root-cause code recorded on closure, if any
 */
public record CaseClosed(
    CaseId caseId,
    @Nullable CustomerId customerId,
    String number,
    String type,
    @Nullable String category,
    String reaction,
    @Nullable String rootCause,
    Instant at) {}
