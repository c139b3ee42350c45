package org.manyi.cases.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;

/**
 * What is known when a case is received.
 *
 * @param customerId the customer, or absent for an unidentified contact (then {@code contactName}
 *     is required)
 * @param orderId the related order, by ID only
 */
public record NewCase(
    CaseType type,
    CaseChannel channel,
    @Nullable CustomerId customerId,
    @Nullable String contactName,
    @Nullable String contactPhone,
    @Nullable UUID orderId,
    String description,
    @Nullable String remedyRequested) {}
