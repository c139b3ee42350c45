package org.manyi.customers.events;

import java.time.Instant;
import org.manyi.customers.CustomerId;
import org.manyi.identity.UserId;

/** A customer was deleted; modules drop or anonymise what refers to it. */
public record CustomerDeleted(CustomerId customer, UserId by, Instant at) {}
