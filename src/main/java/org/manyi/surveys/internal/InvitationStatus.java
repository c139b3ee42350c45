package org.manyi.surveys.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerAccess;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.Customers;
import org.manyi.customers.ScopeCondition;
import org.manyi.identity.CurrentUser;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.manyi.surveys.SurveyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Where each invitation of a survey stands, for the customers the user may see. */
@Service
public class InvitationStatus {

  /** The state of one invitation, the furthest it got. */
  public enum State {
    /** A personal link handed out by the company (no email). */
    LINK,
    /** Email waiting to be sent (also until the quiet hours end). */
    QUEUED,
    /** Email accepted by the mail server. */
    SENT,
    /** Email not sent; see the reason. */
    FAILED,
    /** The customer opened the link. */
    OPENED,
    /** The customer answered. */
    ANSWERED,
    /** The link expired unanswered. */
    EXPIRED
  }

  /** One invitation as the invitation page and API show it. */
  public record Row(
      String token,
      UUID customerId,
      String customerName,
      Invitations.Channel channel,
      State state,
      Instant createdAt,
      @Nullable Instant sentAt,
      @Nullable String failure,
      @Nullable Instant openedAt,
      @Nullable Instant remindedAt,
      @Nullable Instant respondedAt,
      Instant expiresAt) {}

  private record Stored(
      String token,
      UUID customerId,
      Invitations.Channel channel,
      @Nullable String mailStatus,
      Instant createdAt,
      @Nullable Instant sentAt,
      @Nullable String failure,
      @Nullable Instant openedAt,
      @Nullable Instant remindedAt,
      @Nullable Instant respondedAt,
      Instant expiresAt) {}

  private final JdbcClient jdbc;
  private final CustomerAccess access;
  private final Customers customers;
  private final Clock clock = Clock.systemUTC();

  InvitationStatus(JdbcClient jdbc, CustomerAccess access, Customers customers) {
    this.jdbc = jdbc;
    this.access = access;
    this.customers = customers;
  }

  /** The survey's invitations, newest first, optionally only those in one state. */
  public PageResult<Row> list(
      SurveyId survey, CurrentUser user, @Nullable State state, PageRequest page) {
    ScopeCondition scope = access.condition(user, "i.customer_id");
    Instant now = clock.instant();
    String where = " WHERE i.survey_id = ? AND " + scope.sql();
    List<Object> params = new ArrayList<>();
    params.add(survey.value());
    params.addAll(scope.params());
    if (state != null) {
      where += " AND " + condition(state);
      if (state != State.ANSWERED) {
        params.add(toDb(now));
      }
    }
    long total =
        jdbc.sql("SELECT COUNT(*) FROM survey_invitation i" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(page.size());
    pageParams.add(page.offset());
    List<Row> rows =
        jdbc
            .sql(
                "SELECT i.* FROM survey_invitation i"
                    + where
                    + " ORDER BY i.created_at DESC, i.token LIMIT ? OFFSET ?")
            .params(pageParams)
            .query(InvitationStatus::stored)
            .list()
            .stream()
            .map(s -> row(s, now))
            .toList();
    return new PageResult<>(rows, page.page(), page.size(), total);
  }

  /** How many of the survey's invitations (in the user's scope) are in each state. */
  public Map<State, Long> counts(SurveyId survey, CurrentUser user) {
    ScopeCondition scope = access.condition(user, "i.customer_id");
    Map<State, Long> counts = new EnumMap<>(State.class);
    for (State state : State.values()) {
      counts.put(state, 0L);
    }
    List<Object> params = new ArrayList<>();
    params.add(toDb(clock.instant()));
    params.add(survey.value());
    params.addAll(scope.params());
    jdbc.sql(
            "SELECT t.state, COUNT(*) AS n FROM (SELECT CASE WHEN i.responded_at IS NOT NULL THEN"
                + " 'ANSWERED' WHEN i.expires_at <= ? THEN 'EXPIRED' WHEN i.opened_at IS NOT NULL"
                + " THEN 'OPENED' WHEN i.mail_status IS NULL THEN 'LINK' ELSE i.mail_status END"
                + " AS state FROM survey_invitation i WHERE i.survey_id = ? AND "
                + scope.sql()
                + ") t GROUP BY t.state")
        .params(params)
        .query(
            rs -> {
              counts.put(State.valueOf(rs.getString("state")), rs.getLong("n"));
            });
    return counts;
  }

  private static String condition(State state) {
    return switch (state) {
      case ANSWERED -> "i.responded_at IS NOT NULL";
      case EXPIRED -> "i.responded_at IS NULL AND i.expires_at <= ?";
      case OPENED -> "i.responded_at IS NULL AND i.expires_at > ? AND i.opened_at IS NOT NULL";
      case LINK ->
          "i.responded_at IS NULL AND i.expires_at > ? AND i.opened_at IS NULL AND i.mail_status"
              + " IS NULL";
      case QUEUED, SENT, FAILED ->
          "i.responded_at IS NULL AND i.expires_at > ? AND i.opened_at IS NULL AND i.mail_status"
              + " = '"
              + state.name()
              + "'";
    };
  }

  private static State state(Stored s, Instant now) {
    if (s.respondedAt() != null) {
      return State.ANSWERED;
    }
    if (!s.expiresAt().isAfter(now)) {
      return State.EXPIRED;
    }
    if (s.openedAt() != null) {
      return State.OPENED;
    }
    return s.mailStatus() == null ? State.LINK : State.valueOf(s.mailStatus());
  }

  private Row row(Stored s, Instant now) {
    String name =
        customers.find(new CustomerId(s.customerId())).map(CustomerSummary::name).orElse("—");
    return new Row(
        s.token(),
        s.customerId(),
        name,
        s.channel(),
        state(s, now),
        s.createdAt(),
        s.sentAt(),
        s.failure(),
        s.openedAt(),
        s.remindedAt(),
        s.respondedAt(),
        s.expiresAt());
  }

  private static Stored stored(ResultSet rs, int row) throws SQLException {
    return new Stored(
        rs.getString("token"),
        rs.getObject("customer_id", UUID.class),
        Invitations.Channel.valueOf(rs.getString("channel")),
        rs.getString("mail_status"),
        fromDb(rs.getObject("created_at", OffsetDateTime.class)),
        fromDb(rs.getObject("sent_at", OffsetDateTime.class)),
        rs.getString("failure"),
        fromDb(rs.getObject("opened_at", OffsetDateTime.class)),
        fromDb(rs.getObject("reminded_at", OffsetDateTime.class)),
        fromDb(rs.getObject("responded_at", OffsetDateTime.class)),
        fromDb(rs.getObject("expires_at", OffsetDateTime.class)));
  }
}
