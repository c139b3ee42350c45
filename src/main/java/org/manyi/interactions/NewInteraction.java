package org.manyi.interactions;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.identity.UserId;

/**
 * An interaction to log.
 *
 * @param durationMinutes how long it lasted, when it matters (calls, visits)
 * @param orderId the order it was about; orders live in another module, referenced by ID only
 * @param caseId the service case it was about, referenced by ID only
 */
public record NewInteraction(
    CustomerId customer,
    Channel channel,
    Direction direction,
    Instant occurredAt,
    @Nullable Integer durationMinutes,
    String subject,
    @Nullable String notes,
    @Nullable String outcome,
    @Nullable UUID orderId,
    @Nullable UUID caseId,
    UserId loggedBy) {}
