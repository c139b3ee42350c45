package org.manyi.interactions.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.identity.UserId;
import org.manyi.interactions.Channel;
import org.manyi.interactions.Direction;
import org.manyi.interactions.NewInteraction;
import org.manyi.platform.ProblemException;

/**
 * The body of {@code POST /api/v1/interactions}. Every field is nullable so that a missing one is
 * reported by name instead of failing the JSON reader.
 *
 * @param occurredAt ISO date-time with offset; now when absent
 */
record InteractionRequest(
    @Nullable UUID customerId,
    @Nullable Channel channel,
    @Nullable Direction direction,
    @Nullable OffsetDateTime occurredAt,
    @Nullable Integer durationMinutes,
    @Nullable String subject,
    @Nullable String notes,
    @Nullable String outcome,
    @Nullable UUID orderId,
    @Nullable UUID caseId) {

  NewInteraction toNew(UserId by, Instant now) {
    if (customerId == null) {
      throw ProblemException.invalid("customerId", "interaction.customer.required");
    }
    if (channel == null) {
      throw ProblemException.invalid("channel", "interaction.channel.required");
    }
    if (direction == null) {
      throw ProblemException.invalid("direction", "interaction.direction.required");
    }
    return new NewInteraction(
        new CustomerId(customerId),
        channel,
        direction,
        occurredAt == null ? now : occurredAt.toInstant(),
        durationMinutes,
        subject == null ? "" : subject,
        notes,
        outcome,
        orderId,
        caseId,
        by);
  }
}
