package org.manyi.customers;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.TeamId;
import org.manyi.identity.UserId;

/**
 * What other modules may know about a customer without personal contact details: enough to show a
 * name, link to the 360 page and apply their own data scope.
 */
public record CustomerSummary(
    CustomerId id,
    String name,
    LifecycleStage stage,
    @Nullable String city,
    @Nullable UserId ownerId,
    @Nullable TeamId teamId,
    Instant createdAt) {}
