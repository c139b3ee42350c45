package org.manyi.cases.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.CaseId;
import org.manyi.customers.CustomerId;
import org.manyi.identity.TeamId;
import org.manyi.identity.UserId;
import org.manyi.platform.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cases and their history in {@code service_case} and {@code case_history}. */
@Repository
class CaseRepository {

  static final String COLUMNS =
      "c.id, c.number, c.type, c.channel, c.customer_id, c.contact_name, c.contact_phone,"
          + " c.order_id, c.description, c.remedy_requested, c.status, c.category, c.severity,"
          + " c.urgency, c.priority, c.team_id, c.assignee_id, c.escalation_level, c.remedy,"
          + " c.reaction, c.root_cause, c.corrective_action, c.received_at, c.acknowledged_at,"
          + " c.first_response_at, c.closed_at, c.acknowledge_due, c.response_due,"
          + " c.resolution_due, c.paused_since, c.acknowledge_breach_escalated,"
          + " c.response_breach_escalated, c.resolution_breach_escalated, c.remedy_amount,"
          + " c.pending_remedy, c.pending_amount, c.pending_message, c.pending_by, c.created_by,"
          + " c.version";

  private final JdbcClient jdbc;

  CaseRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Case> find(CaseId id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM service_case c WHERE c.id = ?")
        .param(id.value())
        .query((rs, n) -> map(rs))
        .optional();
  }

  Optional<Case> findByNumber(String number) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM service_case c WHERE c.number = ?")
        .param(number)
        .query((rs, n) -> map(rs))
        .optional();
  }

  /** Inserts a new case and its first history entries. */
  void insert(Case c) {
    jdbc.sql(
            "INSERT INTO service_case (id, number, type, channel, customer_id, contact_name,"
                + " contact_phone, order_id, description, remedy_requested, status, category,"
                + " severity, urgency, priority, team_id, assignee_id, escalation_level, remedy,"
                + " reaction, root_cause, corrective_action, received_at, acknowledged_at,"
                + " first_response_at, closed_at, acknowledge_due, response_due, resolution_due,"
                + " paused_since, acknowledge_breach_escalated, response_breach_escalated,"
                + " resolution_breach_escalated, remedy_amount, pending_remedy, pending_amount,"
                + " pending_message, pending_by, created_by, version) VALUES (?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, 0)")
        .params(
            c.id.value(),
            c.number,
            c.type.name(),
            c.channel.name(),
            c.customerId == null ? null : c.customerId.value(),
            c.contactName,
            c.contactPhone,
            c.orderId,
            c.description,
            c.remedyRequested)
        .params(mutable(c))
        .param(c.createdBy.value())
        .update();
    appendHistory(c);
  }

  /**
   * Writes the changed state and appends the new history entries; a concurrent change in between
   * answers 409.
   */
  void update(Case c) {
    List<Object> params = new ArrayList<>(mutable(c));
    params.add(c.id.value());
    params.add(c.version);
    int rows =
        jdbc.sql(
                "UPDATE service_case SET status = ?, category = ?, severity = ?, urgency = ?,"
                    + " priority = ?, team_id = ?, assignee_id = ?, escalation_level = ?, remedy ="
                    + " ?, reaction = ?, root_cause = ?, corrective_action = ?, received_at = ?,"
                    + " acknowledged_at = ?, first_response_at = ?, closed_at = ?,"
                    + " acknowledge_due = ?, response_due = ?, resolution_due = ?, paused_since ="
                    + " ?, acknowledge_breach_escalated = ?, response_breach_escalated = ?,"
                    + " resolution_breach_escalated = ?, remedy_amount = ?, pending_remedy = ?,"
                    + " pending_amount = ?, pending_message = ?, pending_by = ?, version = version"
                    + " + 1 WHERE id = ? AND version = ?")
            .params(params)
            .update();
    if (rows != 1) {
      throw ProblemException.conflict("concurrent-change", "case.concurrentChange");
    }
    c.version++;
    appendHistory(c);
  }

  private static List<Object> mutable(Case c) {
    List<Object> p = new ArrayList<>();
    p.add(c.status.name());
    p.add(c.category);
    p.add(c.severity == null ? null : c.severity.name());
    p.add(c.urgency == null ? null : c.urgency.name());
    p.add(c.priority.name());
    p.add(c.teamId == null ? null : c.teamId.value());
    p.add(c.assigneeId == null ? null : c.assigneeId.value());
    p.add(c.escalationLevel);
    p.add(c.remedy == null ? null : c.remedy.name());
    p.add(c.reaction == null ? null : c.reaction.name());
    p.add(c.rootCause);
    p.add(c.correctiveAction);
    p.add(toDb(c.receivedAt));
    p.add(toDb(c.acknowledgedAt));
    p.add(toDb(c.firstResponseAt));
    p.add(toDb(c.closedAt));
    p.add(toDb(c.acknowledgeDue));
    p.add(toDb(c.responseDue));
    p.add(toDb(c.resolutionDue));
    p.add(toDb(c.pausedSince));
    p.add(c.breachEscalated[0]);
    p.add(c.breachEscalated[1]);
    p.add(c.breachEscalated[2]);
    p.add(c.remedyAmount);
    p.add(c.pendingRemedy == null ? null : c.pendingRemedy.name());
    p.add(c.pendingAmount);
    p.add(c.pendingMessage);
    p.add(c.pendingBy == null ? null : c.pendingBy.value());
    return p;
  }

  private void appendHistory(Case c) {
    if (c.newHistory.isEmpty()) {
      return;
    }
    long seq =
        jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM case_history WHERE case_id = ?")
            .param(c.id.value())
            .query(Long.class)
            .single();
    for (HistoryEntry e : c.newHistory) {
      jdbc.sql(
              "INSERT INTO case_history (id, case_id, seq, occurred_at, by_id, kind, from_status,"
                  + " to_status, visibility, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              UUID.randomUUID(),
              c.id.value(),
              ++seq,
              toDb(e.at()),
              e.by() == null ? null : e.by().value(),
              e.kind().name(),
              e.from() == null ? null : e.from().name(),
              e.to() == null ? null : e.to().name(),
              e.visibility().name(),
              e.text())
          .update();
    }
    c.newHistory.clear();
  }

  /** The case's history in order. */
  List<HistoryEntry> history(CaseId id) {
    return jdbc.sql(
            "SELECT occurred_at, by_id, kind, from_status, to_status, visibility, text FROM"
                + " case_history WHERE case_id = ? ORDER BY seq")
        .param(id.value())
        .query(
            (rs, n) ->
                new HistoryEntry(
                    instant(rs, "occurred_at"),
                    userId(rs, "by_id"),
                    HistoryKind.valueOf(rs.getString("kind")),
                    rs.getString("from_status") == null
                        ? null
                        : CaseStatus.valueOf(rs.getString("from_status")),
                    rs.getString("to_status") == null
                        ? null
                        : CaseStatus.valueOf(rs.getString("to_status")),
                    Visibility.valueOf(rs.getString("visibility")),
                    rs.getString("text")))
        .list();
  }

  /** A page of cases matching a condition, newest first. */
  List<Case> list(String where, List<Object> params, long offset, int limit) {
    List<Object> all = new ArrayList<>(params);
    all.add(limit);
    all.add(offset);
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM service_case c WHERE "
                + where
                + " ORDER BY c.received_at DESC, c.number DESC LIMIT ? OFFSET ?")
        .params(all)
        .query((rs, n) -> map(rs))
        .list();
  }

  long count(String where, List<Object> params) {
    return jdbc.sql("SELECT COUNT(*) FROM service_case c WHERE " + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  /** Open cases with a deadline passed, not paused and not yet escalated for it. */
  List<CaseId> breachCandidates(Instant now) {
    OffsetDateTime t = toDb(now);
    return jdbc.sql(
            "SELECT id FROM service_case WHERE status <> 'CLOSED' AND ((acknowledged_at IS NULL"
                + " AND acknowledge_due < ? AND acknowledge_breach_escalated = FALSE) OR"
                + " (first_response_at IS NULL AND response_due < ? AND response_breach_escalated"
                + " = FALSE) OR (paused_since IS NULL AND resolution_due < ? AND"
                + " resolution_breach_escalated = FALSE)) ORDER BY received_at")
        .params(t, t, t)
        .query((rs, n) -> new CaseId(rs.getObject(1, UUID.class)))
        .list();
  }

  /** The customer's cases, newest first, for the 360 timeline. */
  List<Case> ofCustomer(CustomerId customer, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM service_case c WHERE c.customer_id = ? ORDER BY c.received_at DESC LIMIT"
                + " ?")
        .params(customer.value(), limit)
        .query((rs, n) -> map(rs))
        .list();
  }

  /** Moves the cases of a merged customer to the survivor. */
  int moveCustomer(CustomerId from, CustomerId to) {
    return jdbc.sql("UPDATE service_case SET customer_id = ? WHERE customer_id = ?")
        .params(to.value(), from.value())
        .update();
  }

  /** Keeps a deleted customer's cases as unidentified contacts. */
  int forgetCustomer(CustomerId customer) {
    return jdbc.sql(
            "UPDATE service_case SET customer_id = NULL, contact_name = COALESCE(contact_name,"
                + " '—') WHERE customer_id = ?")
        .param(customer.value())
        .update();
  }

  private static Case map(ResultSet rs) throws SQLException {
    Case c = new Case();
    c.id = new CaseId(rs.getObject("id", UUID.class));
    c.number = rs.getString("number");
    c.type = CaseType.valueOf(rs.getString("type"));
    c.channel = CaseChannel.valueOf(rs.getString("channel"));
    UUID customer = rs.getObject("customer_id", UUID.class);
    c.customerId = customer == null ? null : new CustomerId(customer);
    c.contactName = rs.getString("contact_name");
    c.contactPhone = rs.getString("contact_phone");
    c.orderId = rs.getObject("order_id", UUID.class);
    c.description = rs.getString("description");
    c.remedyRequested = rs.getString("remedy_requested");
    c.status = CaseStatus.valueOf(rs.getString("status"));
    c.category = rs.getString("category");
    c.severity = rs.getString("severity") == null ? null : Level.valueOf(rs.getString("severity"));
    c.urgency = rs.getString("urgency") == null ? null : Level.valueOf(rs.getString("urgency"));
    c.priority = Priority.valueOf(rs.getString("priority"));
    UUID team = rs.getObject("team_id", UUID.class);
    c.teamId = team == null ? null : new TeamId(team);
    c.assigneeId = userId(rs, "assignee_id");
    c.escalationLevel = rs.getInt("escalation_level");
    c.remedy = rs.getString("remedy") == null ? null : Remedy.valueOf(rs.getString("remedy"));
    c.reaction =
        rs.getString("reaction") == null ? null : Reaction.valueOf(rs.getString("reaction"));
    c.rootCause = rs.getString("root_cause");
    c.correctiveAction = rs.getString("corrective_action");
    c.receivedAt = instant(rs, "received_at");
    c.acknowledgedAt = nullableInstant(rs, "acknowledged_at");
    c.firstResponseAt = nullableInstant(rs, "first_response_at");
    c.closedAt = nullableInstant(rs, "closed_at");
    c.acknowledgeDue = instant(rs, "acknowledge_due");
    c.responseDue = instant(rs, "response_due");
    c.resolutionDue = instant(rs, "resolution_due");
    c.pausedSince = nullableInstant(rs, "paused_since");
    c.breachEscalated[0] = rs.getBoolean("acknowledge_breach_escalated");
    c.breachEscalated[1] = rs.getBoolean("response_breach_escalated");
    c.breachEscalated[2] = rs.getBoolean("resolution_breach_escalated");
    c.remedyAmount = rs.getBigDecimal("remedy_amount");
    c.pendingRemedy =
        rs.getString("pending_remedy") == null
            ? null
            : Remedy.valueOf(rs.getString("pending_remedy"));
    c.pendingAmount = rs.getBigDecimal("pending_amount");
    c.pendingMessage = rs.getString("pending_message");
    c.pendingBy = userId(rs, "pending_by");
    c.createdBy = new UserId(rs.getObject("created_by", UUID.class));
    c.version = rs.getInt("version");
    return c;
  }

  private static @Nullable UserId userId(ResultSet rs, String column) throws SQLException {
    UUID id = rs.getObject(column, UUID.class);
    return id == null ? null : new UserId(id);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return java.util.Objects.requireNonNull(nullableInstant(rs, column));
  }

  private static @Nullable Instant nullableInstant(ResultSet rs, String column)
      throws SQLException {
    return fromDb(rs.getObject(column, OffsetDateTime.class));
  }
}
