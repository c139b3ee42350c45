package org.manyi.customers.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.identity.TeamId;
import org.manyi.identity.UserId;

/** A customer was added, by hand or through the API. */
public record CustomerRegistered(
    CustomerId customer, UserId owner, @Nullable TeamId team, UserId by, Instant at) {}
