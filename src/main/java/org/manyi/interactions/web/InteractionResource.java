package org.manyi.interactions.web;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.interactions.Channel;
import org.manyi.interactions.Direction;
import org.manyi.interactions.internal.Interaction;
import org.manyi.interactions.internal.InteractionView;

/** An interaction as the JSON API shows it. */
record InteractionResource(
    UUID id,
    UUID customerId,
    String customerName,
    Channel channel,
    Direction direction,
    Instant occurredAt,
    @Nullable Integer durationMinutes,
    String subject,
    @Nullable String notes,
    @Nullable String outcome,
    @Nullable UUID orderId,
    @Nullable UUID caseId,
    UUID loggedBy,
    String loggedByName,
    Instant loggedAt,
    int attachments) {

  static InteractionResource of(InteractionView view) {
    Interaction i = view.interaction();
    return new InteractionResource(
        i.id().value(),
        i.customer().value(),
        view.customerName(),
        i.channel(),
        i.direction(),
        i.occurredAt(),
        i.durationMinutes(),
        i.subject(),
        i.notes(),
        i.outcome(),
        i.orderId(),
        i.caseId(),
        i.loggedBy().value(),
        view.loggedByName(),
        i.loggedAt(),
        view.attachments());
  }
}
