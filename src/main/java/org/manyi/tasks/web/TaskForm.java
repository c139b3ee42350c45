package org.manyi.tasks.web;

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
import org.manyi.tasks.TaskPriority;
import org.manyi.tasks.TaskType;
import org.manyi.tasks.internal.NewTask;

/**
 * The task form as typed, so whatever the user entered comes back on an error.
 *
 * @param dueAt {@code yyyy-MM-ddTHH:mm} of a {@code datetime-local} input, business time zone
 */
record TaskForm(
    @Nullable String type,
    @Nullable String assignee,
    @Nullable String dueAt,
    @Nullable String priority,
    @Nullable String notes) {

  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  /** A callback for tomorrow at ten, assigned to the user. */
  static TaskForm empty(UserId me, Instant now, ZoneId zone) {
    LocalDateTime tomorrow =
        now.atZone(zone).toLocalDate().plusDays(1).atTime(10, 0).truncatedTo(ChronoUnit.MINUTES);
    return new TaskForm(
        TaskType.CALLBACK.name(),
        me.value().toString(),
        LOCAL.format(tomorrow),
        TaskPriority.NORMAL.name(),
        null);
  }

  /** The task, or null after noting each unreadable field's message code in {@code errors}. */
  @Nullable NewTask toNew(CustomerId customer, ZoneId zone, Map<String, String> errors) {
    TaskType t = parse(TaskType.class, type);
    if (t == null) {
      errors.put("type", "task.type.required");
    }
    TaskPriority p = parse(TaskPriority.class, priority);
    if (p == null) {
      errors.put("priority", "task.priority.required");
    }
    UserId who = null;
    try {
      who = assignee == null || assignee.isBlank() ? null : new UserId(UUID.fromString(assignee));
    } catch (IllegalArgumentException e) {
      // reported below
    }
    if (who == null) {
      errors.put("assignee", "task.assignee.required");
    }
    Instant due = null;
    try {
      due =
          dueAt == null || dueAt.isBlank()
              ? null
              : LocalDateTime.parse(dueAt.strip(), LOCAL).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      // reported below
    }
    if (due == null) {
      errors.put("dueAt", "task.dueAt.required");
    }
    if (t == null || p == null || who == null || due == null) {
      return null;
    }
    return new NewTask(customer, t, who, due, p, notes, null);
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
}
