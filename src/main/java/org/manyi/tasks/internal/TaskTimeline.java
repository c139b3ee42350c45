package org.manyi.tasks.internal;

import static org.manyi.shared.Times.fromDb;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerTimelineSource;
import org.manyi.customers.TimelineEntry;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's tasks on the customer 360 timeline: open ones at their due time, finished ones when
 * they were done or cancelled, with the result or the reason.
 */
@Component
class TaskTimeline implements CustomerTimelineSource {

  private final JdbcClient jdbc;
  private final MessageSource messages;

  TaskTimeline(JdbcClient jdbc, MessageSource messages) {
    this.jdbc = jdbc;
    this.messages = messages;
  }

  @Override
  public String type() {
    return "task";
  }

  @Override
  public String label(Locale locale) {
    return messages.getMessage("task.nav", null, "Tasks", locale);
  }

  @Override
  public List<TimelineEntry> entries(CustomerId customer, Locale locale, int limit) {
    return jdbc.sql(
            "SELECT type, status, notes, result_note, cancel_reason, COALESCE(closed_at, due_at)"
                + " AS at FROM task WHERE customer_id = ? ORDER BY COALESCE(closed_at, due_at)"
                + " DESC LIMIT ?")
        .params(customer.value(), limit)
        .query(
            (rs, row) -> {
              String status = rs.getString("status");
              String detail =
                  switch (status) {
                    case "DONE" -> rs.getString("result_note");
                    case "CANCELLED" -> rs.getString("cancel_reason");
                    default -> rs.getString("notes");
                  };
              Instant at = fromDb(rs.getObject("at", OffsetDateTime.class));
              return new TimelineEntry(
                  type(),
                  at == null ? Instant.EPOCH : at,
                  messages.getMessage(
                      "task.timeline.title",
                      new Object[] {
                        messages.getMessage("task.type." + rs.getString("type"), null, locale),
                        messages.getMessage("task.status." + status, null, locale)
                      },
                      locale),
                  detail,
                  "/tasks?tab=" + ("OPEN".equals(status) ? "upcoming" : "done"));
            })
        .list();
  }
}
