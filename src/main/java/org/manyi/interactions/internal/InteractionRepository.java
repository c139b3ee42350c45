package org.manyi.interactions.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.manyi.customers.CustomerId;
import org.manyi.customers.ScopeCondition;
import org.manyi.identity.UserId;
import org.manyi.interactions.Channel;
import org.manyi.interactions.Direction;
import org.manyi.interactions.InteractionId;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Interactions and their attachment metadata in plain SQL. */
@Repository
class InteractionRepository {

  private static final String COLUMNS =
      "i.id, i.customer_id, i.channel, i.direction, i.occurred_at, i.duration_minutes, i.subject,"
          + " i.notes, i.outcome, i.order_id, i.case_id, i.logged_by, i.logged_at";

  private final JdbcClient jdbc;

  InteractionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Interaction i) {
    jdbc.sql(
            "INSERT INTO interaction (id, customer_id, channel, direction, occurred_at,"
                + " duration_minutes, subject, notes, outcome, order_id, case_id, logged_by,"
                + " logged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            i.id().value(),
            i.customer().value(),
            i.channel().name(),
            i.direction().name(),
            toDb(i.occurredAt()),
            i.durationMinutes(),
            i.subject(),
            i.notes(),
            i.outcome(),
            i.orderId(),
            i.caseId(),
            i.loggedBy().value(),
            toDb(i.loggedAt()))
        .update();
  }

  Optional<Interaction> find(InteractionId id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM interaction i WHERE i.id = ?")
        .param(id.value())
        .query(InteractionRepository::interaction)
        .optional();
  }

  /** A page of interactions, newest first, within a data scope. */
  PageResult<Interaction> page(
      InteractionFilter filter, ScopeCondition scope, ZoneId zone, PageRequest page) {
    StringBuilder where = new StringBuilder(" WHERE ").append(scope.sql());
    List<Object> params = new ArrayList<>(scope.params());
    if (filter.q() != null) {
      where.append(
          " AND (LOWER(i.subject) LIKE ? OR LOWER(i.notes) LIKE ? OR LOWER(i.outcome) LIKE ?)");
      String like = "%" + escape(filter.q().toLowerCase(Locale.ROOT)) + "%";
      params.add(like);
      params.add(like);
      params.add(like);
    }
    if (filter.channel() != null) {
      where.append(" AND i.channel = ?");
      params.add(filter.channel().name());
    }
    if (filter.direction() != null) {
      where.append(" AND i.direction = ?");
      params.add(filter.direction().name());
    }
    if (filter.customer() != null) {
      where.append(" AND i.customer_id = ?");
      params.add(filter.customer());
    }
    if (filter.loggedBy() != null) {
      where.append(" AND i.logged_by = ?");
      params.add(filter.loggedBy());
    }
    if (filter.from() != null) {
      where.append(" AND i.occurred_at >= ?");
      params.add(toDb(filter.from().atStartOfDay(zone).toInstant()));
    }
    if (filter.to() != null) {
      where.append(" AND i.occurred_at < ?");
      params.add(toDb(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
    }
    long total =
        jdbc.sql("SELECT COUNT(*) FROM interaction i" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(page.size());
    pageParams.add(page.offset());
    List<Interaction> items =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM interaction i"
                    + where
                    + " ORDER BY i.occurred_at DESC, i.id LIMIT ? OFFSET ?")
            .params(pageParams)
            .query(InteractionRepository::interaction)
            .list();
    return new PageResult<>(items, page.page(), page.size(), total);
  }

  List<Interaction> recent(CustomerId customer, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM interaction i WHERE i.customer_id = ? ORDER BY i.occurred_at DESC LIMIT ?")
        .params(customer.value(), limit)
        .query(InteractionRepository::interaction)
        .list();
  }

  int moveCustomer(CustomerId from, CustomerId to) {
    return jdbc.sql("UPDATE interaction SET customer_id = ? WHERE customer_id = ?")
        .params(to.value(), from.value())
        .update();
  }

  /** The IDs of the attachments of a customer's interactions, to delete their files. */
  List<UUID> attachmentIdsOfCustomer(CustomerId customer) {
    return jdbc.sql(
            "SELECT a.id FROM interaction_attachment a JOIN interaction i ON i.id ="
                + " a.interaction_id WHERE i.customer_id = ?")
        .param(customer.value())
        .query(UUID.class)
        .list();
  }

  /** Deletes a customer's interactions; their attachment rows go with them (cascade). */
  int deleteByCustomer(CustomerId customer) {
    return jdbc.sql("DELETE FROM interaction WHERE customer_id = ?")
        .param(customer.value())
        .update();
  }

  void insertAttachment(Attachment a) {
    jdbc.sql(
            "INSERT INTO interaction_attachment (id, interaction_id, file_name, content_type,"
                + " size_bytes, sha256, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            a.id(),
            a.interaction().value(),
            a.fileName(),
            a.contentType(),
            a.size(),
            a.sha256(),
            a.uploadedBy().value(),
            toDb(a.uploadedAt()))
        .update();
  }

  List<Attachment> attachments(InteractionId interaction) {
    return jdbc.sql(
            "SELECT * FROM interaction_attachment WHERE interaction_id = ? ORDER BY uploaded_at,"
                + " id")
        .param(interaction.value())
        .query(InteractionRepository::attachment)
        .list();
  }

  Optional<Attachment> findAttachment(InteractionId interaction, UUID id) {
    return jdbc.sql("SELECT * FROM interaction_attachment WHERE id = ? AND interaction_id = ?")
        .params(id, interaction.value())
        .query(InteractionRepository::attachment)
        .optional();
  }

  Map<InteractionId, Integer> attachmentCounts(Collection<InteractionId> ids) {
    Map<InteractionId, Integer> counts = new HashMap<>();
    if (ids.isEmpty()) {
      return counts;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
    jdbc.sql(
            "SELECT interaction_id, COUNT(*) AS n FROM interaction_attachment WHERE interaction_id"
                + " IN ("
                + marks
                + ") GROUP BY interaction_id")
        .params(ids.stream().map(InteractionId::value).map(Object.class::cast).toList())
        .query(
            rs -> {
              counts.put(
                  new InteractionId(rs.getObject("interaction_id", UUID.class)), rs.getInt("n"));
            });
    return counts;
  }

  private static Interaction interaction(ResultSet rs, int row) throws SQLException {
    int duration = rs.getInt("duration_minutes");
    Integer durationMinutes = rs.wasNull() ? null : duration;
    return new Interaction(
        new InteractionId(rs.getObject("id", UUID.class)),
        new CustomerId(rs.getObject("customer_id", UUID.class)),
        Channel.valueOf(rs.getString("channel")),
        Direction.valueOf(rs.getString("direction")),
        instant(rs, "occurred_at"),
        durationMinutes,
        rs.getString("subject"),
        rs.getString("notes"),
        rs.getString("outcome"),
        rs.getObject("order_id", UUID.class),
        rs.getObject("case_id", UUID.class),
        new UserId(rs.getObject("logged_by", UUID.class)),
        instant(rs, "logged_at"));
  }

  private static Attachment attachment(ResultSet rs, int row) throws SQLException {
    return new Attachment(
        rs.getObject("id", UUID.class),
        new InteractionId(rs.getObject("interaction_id", UUID.class)),
        rs.getString("file_name"),
        rs.getString("content_type"),
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        new UserId(rs.getObject("uploaded_by", UUID.class)),
        instant(rs, "uploaded_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Instant value = fromDb(rs.getObject(column, OffsetDateTime.class));
    if (value == null) {
      throw new IllegalStateException(column + " is null");
    }
    return value;
  }

  private static String escape(String like) {
    return like.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
