package org.manyi.interactions.events;

import java.time.Instant;
import org.manyi.customers.CustomerId;
import org.manyi.identity.UserId;
import org.manyi.interactions.Channel;
import org.manyi.interactions.Direction;
import org.manyi.interactions.InteractionId;

/** A conversation with a customer was logged. */
public record InteractionLogged(
    InteractionId interaction,
    CustomerId customer,
    Channel channel,
    Direction direction,
    Instant occurredAt,
    UserId by) {}
