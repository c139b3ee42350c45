package org.manyi.tasks.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.identity.UserId;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.manyi.tasks.TaskId;
import org.manyi.tasks.TaskPriority;
import org.manyi.tasks.TaskStatus;
import org.manyi.tasks.TaskType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tasks and the post-purchase rule in plain SQL; updates check the version (optimistic lock). */
@Repository
class TaskRepository {

  /** Urgent first among tasks due at the same time. */
  private static final String PRIORITY_ORDER =
      "CASE t.priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'NORMAL' THEN 2 ELSE 3 END";

  private final JdbcClient jdbc;

  TaskRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Task t) {
    jdbc.sql(
            "INSERT INTO task (id, customer_id, type, assignee_id, due_at, priority, status, notes,"
                + " result_note, cancel_reason, created_by, created_at, closed_by, closed_at,"
                + " interaction_id, source_order_id, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, 0)")
        .params(
            t.id().value(),
            t.customer().value(),
            t.type().name(),
            t.assignee().value(),
            toDb(t.dueAt()),
            t.priority().name(),
            t.status().name(),
            t.notes(),
            t.resultNote(),
            t.cancelReason(),
            t.createdBy() == null ? null : t.createdBy().value(),
            toDb(t.createdAt()),
            t.closedBy() == null ? null : t.closedBy().value(),
            toDb(t.closedAt()),
            t.interaction(),
            t.sourceOrderId())
        .update();
  }

  /**
   * Saves the changes of a task loaded earlier.
   *
   * @throws ProblemException 409 when someone else changed it meanwhile
   */
  void update(Task t) {
    int updated =
        jdbc.sql(
                "UPDATE task SET customer_id = ?, assignee_id = ?, status = ?, result_note = ?,"
                    + " cancel_reason = ?, closed_by = ?, closed_at = ?, interaction_id = ?,"
                    + " version = version + 1 WHERE id = ? AND version = ?")
            .params(
                t.customer().value(),
                t.assignee().value(),
                t.status().name(),
                t.resultNote(),
                t.cancelReason(),
                t.closedBy() == null ? null : t.closedBy().value(),
                toDb(t.closedAt()),
                t.interaction(),
                t.id().value(),
                t.version())
            .update();
    if (updated == 0) {
      throw ProblemException.conflict("concurrent-change", "task.concurrentChange");
    }
  }

  Optional<Task> find(TaskId id) {
    return jdbc.sql("SELECT * FROM task t WHERE t.id = ?")
        .param(id.value())
        .query(TaskRepository::task)
        .optional();
  }

  /** Whether the customer has an open callback whose notes start with the prefix. */
  boolean hasOpenCallback(CustomerId customer, String notesPrefix) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM task WHERE customer_id = ? AND type = 'CALLBACK' AND status ="
                    + " 'OPEN' AND notes LIKE ?")
            .params(customer.value(), notesPrefix + "%")
            .query(Long.class)
            .single()
        > 0;
  }

  Optional<Task> findBySourceOrder(UUID orderId) {
    return jdbc.sql("SELECT * FROM task t WHERE t.source_order_id = ?")
        .param(orderId)
        .query(TaskRepository::task)
        .optional();
  }

  PageResult<Task> page(TaskQuery query, Instant now, Instant startOfTomorrow, PageRequest page) {
    StringBuilder where = new StringBuilder(" WHERE 1=1");
    List<Object> params = new ArrayList<>();
    if (query.assignees() != null) {
      if (query.assignees().isEmpty()) {
        return new PageResult<>(List.of(), page.page(), page.size(), 0);
      }
      where
          .append(" AND t.assignee_id IN (")
          .append(String.join(", ", Collections.nCopies(query.assignees().size(), "?")))
          .append(')');
      query.assignees().forEach(u -> params.add(u.value()));
    }
    switch (query.due()) {
      case OVERDUE -> {
        where.append(" AND t.status = 'OPEN' AND t.due_at < ?");
        params.add(toDb(now));
      }
      case TODAY -> {
        where.append(" AND t.status = 'OPEN' AND t.due_at >= ? AND t.due_at < ?");
        params.add(toDb(now));
        params.add(toDb(startOfTomorrow));
      }
      case UPCOMING -> {
        where.append(" AND t.status = 'OPEN' AND t.due_at >= ?");
        params.add(toDb(startOfTomorrow));
      }
      case ALL -> {}
    }
    if (query.status() != null) {
      where.append(" AND t.status = ?");
      params.add(query.status().name());
    }
    if (query.customer() != null) {
      where.append(" AND t.customer_id = ?");
      params.add(query.customer().value());
    }
    long total =
        jdbc.sql("SELECT COUNT(*) FROM task t" + where).params(params).query(Long.class).single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(page.size());
    pageParams.add(page.offset());
    List<Task> items =
        jdbc.sql(
                "SELECT * FROM task t"
                    + where
                    + " ORDER BY t.due_at, "
                    + PRIORITY_ORDER
                    + ", t.id LIMIT ? OFFSET ?")
            .params(pageParams)
            .query(TaskRepository::task)
            .list();
    return new PageResult<>(items, page.page(), page.size(), total);
  }

  /** Open tasks of a user due before the given instant (the end of today). */
  long countOpenDueBefore(UserId assignee, Instant before) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM task WHERE assignee_id = ? AND status = 'OPEN' AND due_at < ?")
        .params(assignee.value(), toDb(before))
        .query(Long.class)
        .single();
  }

  int moveCustomer(CustomerId from, CustomerId to) {
    return jdbc.sql("UPDATE task SET customer_id = ?, version = version + 1 WHERE customer_id = ?")
        .params(to.value(), from.value())
        .update();
  }

  int deleteByCustomer(CustomerId customer) {
    return jdbc.sql("DELETE FROM task WHERE customer_id = ?").param(customer.value()).update();
  }

  PostPurchaseRule rule() {
    return jdbc.sql(
            "SELECT enabled, min_amount, delay_days FROM task_post_purchase_rule WHERE id = 1")
        .query(
            (rs, row) ->
                new PostPurchaseRule(
                    rs.getBoolean("enabled"),
                    rs.getBigDecimal("min_amount"),
                    rs.getInt("delay_days")))
        .single();
  }

  void saveRule(PostPurchaseRule rule, UserId by, Instant at) {
    jdbc.sql(
            "UPDATE task_post_purchase_rule SET enabled = ?, min_amount = ?, delay_days = ?,"
                + " updated_by = ?, updated_at = ? WHERE id = 1")
        .params(rule.enabled(), rule.minAmount(), rule.delayDays(), by.value(), toDb(at))
        .update();
  }

  private static Task task(ResultSet rs, int row) throws SQLException {
    return new Task(
        new TaskId(rs.getObject("id", UUID.class)),
        new CustomerId(rs.getObject("customer_id", UUID.class)),
        TaskType.valueOf(rs.getString("type")),
        new UserId(rs.getObject("assignee_id", UUID.class)),
        instant(rs, "due_at"),
        TaskPriority.valueOf(rs.getString("priority")),
        TaskStatus.valueOf(rs.getString("status")),
        rs.getString("notes"),
        rs.getString("result_note"),
        rs.getString("cancel_reason"),
        user(rs, "created_by"),
        instant(rs, "created_at"),
        user(rs, "closed_by"),
        fromDb(rs.getObject("closed_at", OffsetDateTime.class)),
        rs.getObject("interaction_id", UUID.class),
        rs.getObject("source_order_id", UUID.class),
        rs.getInt("version"));
  }

  private static @Nullable UserId user(ResultSet rs, String column) throws SQLException {
    UUID id = rs.getObject(column, UUID.class);
    return id == null ? null : new UserId(id);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Instant value = fromDb(rs.getObject(column, OffsetDateTime.class));
    if (value == null) {
      throw new IllegalStateException(column + " is null");
    }
    return value;
  }
}
