package org.manyi.customers;

import java.time.Instant;

/** One move of a customer from one lifecycle stage to another, with why it happened. */
public record StageChange(
    CustomerId customer, LifecycleStage from, LifecycleStage to, String reason, Instant at) {}
