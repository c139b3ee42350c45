package org.manyi.surveys.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.customers.Customers;
import org.manyi.platform.ProblemException;
import org.manyi.surveys.SurveyId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal survey links for customers: one response per link, an expiry, and a contact rule across
 * all surveys (no customer is invited more than once per interval).
 */
@Service
@Transactional
public class Invitations {

  static final int MAX_PER_REQUEST = 10_000;
  static final int DEFAULT_EXPIRY_DAYS = 30;

  /** How an invitation reaches the customer. */
  public enum Channel {
    /** Only the personal link is created; the company sends it by its own means. */
    LINK,
    /** Sent by email through the configured mail server. */
    EMAIL
  }

  /** What happened to one customer of an invitation request. */
  public enum Outcome {
    /** A personal link was created. */
    INVITED,
    /** Skipped: invited to a survey within the contact interval. */
    RECENTLY_INVITED
  }

  /** One customer's invitation: its token and link when invited. */
  public record Invitation(UUID customerId, Outcome outcome, @Nullable String token) {}

  /** A personal link as the response page needs it. */
  record Link(
      String token,
      SurveyId surveyId,
      UUID customerId,
      Instant expiresAt,
      @Nullable Instant respondedAt) {

    boolean expired(Instant now) {
      return !expiresAt.isAfter(now);
    }
  }

  private final JdbcClient jdbc;
  private final SurveyRepository surveys;
  private final Customers customers;
  private final int intervalDays;
  private final Clock clock = Clock.systemUTC();

  Invitations(
      JdbcClient jdbc,
      SurveyRepository surveys,
      Customers customers,
      @Value("${manyi.surveys.invitation-interval-days:30}") int intervalDays) {
    this.jdbc = jdbc;
    this.surveys = surveys;
    this.customers = customers;
    this.intervalDays = intervalDays;
  }

  /**
   * Invites customers to an open survey.
   *
   * @throws ProblemException 404 unknown survey; 409 survey not open; 400 naming {@code
   *     customerIds[i]} for an unknown customer, {@code channel} for email (no mail server yet)
   */
  public List<Invitation> invite(
      SurveyId surveyId,
      List<UUID> customerIds,
      Channel channel,
      @Nullable Integer expiresInDays,
      String by) {
    Survey survey =
        surveys.find(surveyId).orElseThrow(() -> ProblemException.notFound("survey.notFound"));
    if (!survey.acceptsResponses()) {
      throw ProblemException.conflict("survey-not-open", "response.survey.closed");
    }
    if (channel == Channel.EMAIL) {
      throw ProblemException.invalid("channel", "invitation.email.unavailable");
    }
    if (customerIds == null || customerIds.isEmpty() || customerIds.size() > MAX_PER_REQUEST) {
      throw ProblemException.invalid("customerIds", "invitation.customers.count", MAX_PER_REQUEST);
    }
    int days = expiresInDays == null ? DEFAULT_EXPIRY_DAYS : expiresInDays;
    if (days < 1 || days > 365) {
      throw ProblemException.invalid("expiresInDays", "invitation.expiry.range");
    }
    for (int i = 0; i < customerIds.size(); i++) {
      UUID id = customerIds.get(i);
      if (id == null || customers.find(new CustomerId(id)).isEmpty()) {
        throw ProblemException.invalid("customerIds[" + i + "]", "invitation.customer.unknown");
      }
    }
    Instant now = clock.instant();
    List<Invitation> result = new ArrayList<>();
    for (UUID customer : customerIds.stream().distinct().toList()) {
      if (recentlyInvited(customer, now)) {
        result.add(new Invitation(customer, Outcome.RECENTLY_INVITED, null));
        continue;
      }
      String token = Survey.token();
      jdbc.sql(
              "INSERT INTO survey_invitation (token, survey_id, customer_id, channel, created_by,"
                  + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(
              token,
              surveyId.value(),
              customer,
              channel.name(),
              by,
              toDb(now),
              toDb(now.plus(Duration.ofDays(days))))
          .update();
      result.add(new Invitation(customer, Outcome.INVITED, token));
    }
    return result;
  }

  private boolean recentlyInvited(UUID customer, Instant now) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM survey_invitation WHERE customer_id = ? AND created_at > ?")
            .params(customer, toDb(now.minus(Duration.ofDays(intervalDays))))
            .query(Long.class)
            .single()
        > 0;
  }

  Optional<Link> link(String token) {
    return jdbc.sql(
            "SELECT token, survey_id, customer_id, expires_at, responded_at FROM survey_invitation"
                + " WHERE token = ?")
        .param(token)
        .query(
            (rs, row) ->
                new Link(
                    rs.getString("token"),
                    new SurveyId(rs.getObject("survey_id", UUID.class)),
                    rs.getObject("customer_id", UUID.class),
                    fromDb(rs.getObject("expires_at", OffsetDateTime.class)),
                    fromDb(rs.getObject("responded_at", OffsetDateTime.class))))
        .optional();
  }

  /** Marks a link used; false when another request used it first. */
  boolean use(String token, UUID responseId, Instant at) {
    return jdbc.sql(
                "UPDATE survey_invitation SET responded_at = ?, response_id = ? WHERE token = ? AND"
                    + " responded_at IS NULL")
            .params(toDb(at), responseId, token)
            .update()
        == 1;
  }
}
