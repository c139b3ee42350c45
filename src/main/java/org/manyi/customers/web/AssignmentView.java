package org.manyi.customers.web;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.internal.AssignmentReason;

/** One change of owner with the people's names, for the 360 page and the API. */
record AssignmentView(
    AssignmentReason reason,
    @Nullable String fromName,
    @Nullable String toName,
    @Nullable String byName,
    @Nullable String note,
    Instant at) {}
