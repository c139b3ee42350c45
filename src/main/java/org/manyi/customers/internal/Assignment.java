package org.manyi.customers.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.UserId;

/** One change of a customer's owner, as the assignment history keeps it. */
public record Assignment(
    @Nullable UserId from,
    @Nullable UserId to,
    AssignmentReason reason,
    @Nullable UserId by,
    @Nullable String note,
    Instant at) {}
