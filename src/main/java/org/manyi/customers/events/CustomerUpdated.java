package org.manyi.customers.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.identity.TeamId;
import org.manyi.identity.UserId;

/** A customer's record changed; owner and team are as they are after the change. */
public record CustomerUpdated(
    CustomerId customer, UserId owner, @Nullable TeamId team, UserId by, Instant at) {}
