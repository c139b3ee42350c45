package org.manyi.orders.events;

import java.time.Instant;
import org.manyi.customers.CustomerId;
import org.manyi.orders.OrderId;

/** An order that was placed is cancelled after all. */
public record OrderCancelled(OrderId order, CustomerId customer, String externalId, Instant at) {}
