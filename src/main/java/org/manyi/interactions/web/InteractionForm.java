package org.manyi.interactions.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.identity.UserId;
import org.manyi.interactions.Channel;
import org.manyi.interactions.Direction;
import org.manyi.interactions.NewInteraction;

/**
 * The quick-log form, as typed: strings, so that whatever the user entered comes back on an error.
 *
 * @param occurredAt {@code yyyy-MM-ddTHH:mm} of a {@code datetime-local} input, in the business
 *     time zone
 */
record InteractionForm(
    @Nullable String channel,
    @Nullable String direction,
    @Nullable String occurredAt,
    @Nullable String durationMinutes,
    @Nullable String subject,
    @Nullable String notes,
    @Nullable String outcome,
    @Nullable String orderId,
    @Nullable String caseId) {

  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  /** A fresh form: an outgoing call, just now. */
  static InteractionForm empty(Instant now, ZoneId zone) {
    return new InteractionForm(
        Channel.PHONE.name(),
        Direction.OUTBOUND.name(),
        LOCAL.format(now.atZone(zone).truncatedTo(ChronoUnit.MINUTES)),
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * The interaction this form describes, or null after putting the reason of every field that
   * cannot be read into {@code errors} (field name to message code).
   */
  @Nullable NewInteraction toNew(
      CustomerId customer, UserId by, ZoneId zone, Map<String, String> errors) {
    Channel c = parse(Channel.class, channel);
    if (c == null) {
      errors.put("channel", "interaction.channel.required");
    }
    Direction d = parse(Direction.class, direction);
    if (d == null) {
      errors.put("direction", "interaction.direction.required");
    }
    Instant at = null;
    try {
      at =
          occurredAt == null || occurredAt.isBlank()
              ? null
              : LocalDateTime.parse(occurredAt.strip(), LOCAL).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      // reported below
    }
    if (at == null) {
      errors.put("occurredAt", "interaction.occurredAt.invalid");
    }
    Integer duration = null;
    if (durationMinutes != null && !durationMinutes.isBlank()) {
      try {
        duration = Integer.valueOf(durationMinutes.strip());
      } catch (NumberFormatException e) {
        errors.put("durationMinutes", "interaction.duration.invalid");
      }
    }
    UUID order = uuid(orderId, "orderId", errors);
    UUID kase = uuid(caseId, "caseId", errors);
    if (!errors.isEmpty() || c == null || d == null || at == null) {
      return null;
    }
    return new NewInteraction(
        customer,
        c,
        d,
        at,
        duration,
        subject == null ? "" : subject,
        notes,
        outcome,
        order,
        kase,
        by);
  }

  private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static @Nullable UUID uuid(
      @Nullable String value, String field, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      errors.put(field, "interaction.reference.invalid");
      return null;
    }
  }
}
