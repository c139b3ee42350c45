package org.manyi.customers.events;

import java.time.Instant;
import org.manyi.customers.CustomerId;
import org.manyi.customers.LifecycleStage;

/** A customer moved to another lifecycle stage. */
public record CustomerStageChanged(
    CustomerId customer, LifecycleStage from, LifecycleStage to, String reason, Instant at) {}
