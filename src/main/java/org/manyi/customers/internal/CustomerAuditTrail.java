package org.manyi.customers.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.UserId;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit trail of customer data in {@code customer_audit}: written, never changed. */
@Repository
class CustomerAuditTrail {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  CustomerAuditTrail(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  void record(
      CustomerId customer,
      CurrentUser actor,
      AuditAction action,
      @Nullable String fields,
      Instant at) {
    jdbc.sql(
            "INSERT INTO customer_audit (id, customer_id, actor_id, actor_name, action, fields,"
                + " occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            UUID.randomUUID(),
            customer.value(),
            actor.id().value(),
            actor.displayName(),
            action.name(),
            fields,
            toDb(at))
        .update();
  }

  /** One entry per customer for work on many customers at once (imports, exports). */
  void recordAll(
      List<CustomerId> customers,
      CurrentUser actor,
      AuditAction action,
      @Nullable String fields,
      Instant at) {
    batch.batchUpdate(
        "INSERT INTO customer_audit (id, customer_id, actor_id, actor_name, action, fields,"
            + " occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        customers.stream()
            .map(
                c ->
                    new Object[] {
                      UUID.randomUUID(),
                      c.value(),
                      actor.id().value(),
                      actor.displayName(),
                      action.name(),
                      fields,
                      toDb(at)
                    })
            .toList());
  }

  /** Newest first, optionally of one action or one customer. */
  PageResult<AuditEntry> list(
      @Nullable AuditAction action, @Nullable CustomerId customer, PageRequest page) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (action != null) {
      where.append(" AND a.action = ?");
      params.add(action.name());
    }
    if (customer != null) {
      where.append(" AND a.customer_id = ?");
      params.add(customer.value());
    }
    long total =
        jdbc.sql("SELECT COUNT(*) FROM customer_audit a" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(page.size());
    pageParams.add(page.offset());
    List<AuditEntry> items =
        jdbc.sql(
                "SELECT a.id, a.customer_id, c.name, a.actor_id, a.actor_name, a.action, a.fields,"
                    + " a.occurred_at FROM customer_audit a LEFT JOIN customer c ON c.id ="
                    + " a.customer_id"
                    + where
                    + " ORDER BY a.occurred_at DESC, a.id LIMIT ? OFFSET ?")
            .params(pageParams)
            .query(
                (rs, n) ->
                    new AuditEntry(
                        rs.getObject("id", UUID.class),
                        new CustomerId(rs.getObject("customer_id", UUID.class)),
                        rs.getString("name"),
                        new UserId(rs.getObject("actor_id", UUID.class)),
                        rs.getString("actor_name"),
                        AuditAction.valueOf(rs.getString("action")),
                        rs.getString("fields"),
                        fromDb(rs.getObject("occurred_at", OffsetDateTime.class))))
            .list();
    return new PageResult<>(items, page.page(), page.size(), total);
  }

  /** The history of one customer for its timeline, newest first. */
  List<AuditEntry> history(CustomerId customer, int limit) {
    return list(null, customer, new PageRequest(0, limit)).items();
  }
}
