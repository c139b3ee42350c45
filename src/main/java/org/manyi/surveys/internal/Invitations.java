package org.manyi.surveys.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.ConsentChannel;
import org.manyi.customers.ContactPoint;
import org.manyi.customers.CustomerContacts;
import org.manyi.customers.CustomerId;
import org.manyi.customers.Customers;
import org.manyi.platform.Mail;
import org.manyi.platform.ProblemException;
import org.manyi.surveys.SurveyId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal survey links for customers: one response per link, an expiry, and the contact rules: no
 * customer is invited more than once per interval across all surveys and channels, and no email
 * goes to a customer who has not consented to email. Email invitations are queued and sent by
 * {@link InvitationMailer}, outside the quiet hours.
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
    /** A personal link was created (and, for email, queued for sending). */
    INVITED,
    /** Skipped: invited to a survey within the contact interval. */
    RECENTLY_INVITED,
    /** Skipped: the customer has not consented to the channel. */
    NO_CONSENT,
    /** Skipped: the customer has no email address. */
    NO_ADDRESS,
    /** Skipped: outside the data scope of the user who invites. */
    OUT_OF_SCOPE
  }

  /** Delivery state of an email invitation. */
  public enum MailStatus {
    /** Waiting to be sent, possibly until the quiet hours end. */
    QUEUED,
    /** Accepted by the mail server. */
    SENT,
    /** Not sent; the reason is kept. */
    FAILED
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

  /** How a new invitation is to be made. */
  record NewInvitation(
      SurveyId survey,
      UUID customer,
      Channel channel,
      String by,
      int expiresInDays,
      @Nullable UUID campaign,
      @Nullable Integer reminderAfterDays,
      @Nullable String linkBase) {}

  private final JdbcClient jdbc;
  private final SurveyRepository surveys;
  private final Customers customers;
  private final CustomerContacts contacts;
  private final Mail mail;
  private final QuietHours quietHours;
  private final int intervalDays;
  private final int reminderAfterDays;
  private final Clock clock = Clock.systemUTC();

  Invitations(
      JdbcClient jdbc,
      SurveyRepository surveys,
      Customers customers,
      CustomerContacts contacts,
      Mail mail,
      QuietHours quietHours,
      @Value("${manyi.surveys.invitation-interval-days:30}") int intervalDays,
      @Value("${manyi.surveys.reminder-after-days:3}") int reminderAfterDays) {
    this.jdbc = jdbc;
    this.surveys = surveys;
    this.customers = customers;
    this.contacts = contacts;
    this.mail = mail;
    this.quietHours = quietHours;
    this.intervalDays = intervalDays;
    this.reminderAfterDays = reminderAfterDays;
  }

  /** The contact interval in days. */
  public int intervalDays() {
    return intervalDays;
  }

  /** The default reminder delay in days; 0 means no reminder. */
  public int reminderAfterDays() {
    return reminderAfterDays;
  }

  /**
   * Invites customers to an open survey. Email invitations are queued: {@link InvitationMailer}
   * sends them within a minute or when the quiet hours end.
   *
   * @param linkBase the address the personal links start with, such as {@code https://crm.example}
   * @throws ProblemException 404 unknown survey; 409 survey not open; 400 naming {@code
   *     customerIds[i]} for an unknown customer, {@code channel} for email without a mail server
   */
  public List<Invitation> invite(
      SurveyId surveyId,
      List<UUID> customerIds,
      Channel channel,
      @Nullable Integer expiresInDays,
      String by,
      @Nullable String linkBase) {
    requireOpen(surveyId, channel);
    if (customerIds == null || customerIds.isEmpty() || customerIds.size() > MAX_PER_REQUEST) {
      throw ProblemException.invalid("customerIds", "invitation.customers.count", MAX_PER_REQUEST);
    }
    int days = checkExpiry(expiresInDays);
    for (int i = 0; i < customerIds.size(); i++) {
      UUID id = customerIds.get(i);
      if (id == null || customers.find(new CustomerId(id)).isEmpty()) {
        throw ProblemException.invalid("customerIds[" + i + "]", "invitation.customer.unknown");
      }
    }
    Instant now = clock.instant();
    Set<UUID> recent = recentlyInvited(now);
    List<Invitation> result = new ArrayList<>();
    for (UUID customer : customerIds.stream().distinct().toList()) {
      Outcome rule =
          recent.contains(customer) ? Outcome.RECENTLY_INVITED : consent(customer, channel);
      if (rule != null) {
        result.add(new Invitation(customer, rule, null));
        continue;
      }
      String token =
          create(
              new NewInvitation(
                  surveyId, customer, channel, by, days, null, reminderAfterDays, linkBase),
              now);
      result.add(new Invitation(customer, Outcome.INVITED, token));
    }
    return result;
  }

  /** Checks that the survey exists and is open, and that mail can be sent for email. */
  Survey requireOpen(SurveyId surveyId, Channel channel) {
    Survey survey =
        surveys.find(surveyId).orElseThrow(() -> ProblemException.notFound("survey.notFound"));
    if (!survey.acceptsResponses()) {
      throw ProblemException.conflict("survey-not-open", "response.survey.closed");
    }
    if (channel == Channel.EMAIL && !mail.configured()) {
      throw ProblemException.invalid("channel", "invitation.email.unavailable");
    }
    return survey;
  }

  static int checkExpiry(@Nullable Integer expiresInDays) {
    int days = expiresInDays == null ? DEFAULT_EXPIRY_DAYS : expiresInDays;
    if (days < 1 || days > 365) {
      throw ProblemException.invalid("expiresInDays", "invitation.expiry.range");
    }
    return days;
  }

  /**
   * Why a customer may not be reached through the channel, or null when it may: consent and an
   * address matter for email only, since a LINK is handed out by the company itself.
   */
  @Nullable Outcome consent(UUID customer, Channel channel) {
    if (channel != Channel.EMAIL) {
      return null;
    }
    Optional<ContactPoint> contact =
        contacts.contact(new CustomerId(customer), ConsentChannel.EMAIL);
    if (contact.isEmpty() || !contact.get().consented()) {
      return Outcome.NO_CONSENT;
    }
    return contact.get().address() == null ? Outcome.NO_ADDRESS : null;
  }

  /** Customers invited to any survey within the contact interval before {@code now}. */
  Set<UUID> recentlyInvited(Instant now) {
    return new HashSet<>(
        jdbc.sql("SELECT DISTINCT customer_id FROM survey_invitation WHERE created_at > ?")
            .param(toDb(now.minus(Duration.ofDays(intervalDays))))
            .query(UUID.class)
            .list());
  }

  /** Stores one invitation and returns its token; email is queued until the quiet hours end. */
  String create(NewInvitation invitation, Instant now) {
    return create(invitation, now, now);
  }

  /**
   * Stores one invitation to be sent no earlier than {@code sendAt} (and outside the quiet hours);
   * the link expires the invitation's number of days after it is sent.
   */
  String create(NewInvitation invitation, Instant now, Instant sendAt) {
    String token = Survey.token();
    boolean email = invitation.channel() == Channel.EMAIL;
    jdbc.sql(
            "INSERT INTO survey_invitation (token, survey_id, customer_id, channel, created_by,"
                + " created_at, expires_at, campaign_id, mail_status, send_after, reminder_days,"
                + " link_base) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            token,
            invitation.survey().value(),
            invitation.customer(),
            invitation.channel().name(),
            invitation.by(),
            toDb(now),
            toDb(sendAt.plus(Duration.ofDays(invitation.expiresInDays()))),
            invitation.campaign(),
            email ? MailStatus.QUEUED.name() : null,
            email ? toDb(quietHours.nextAllowed(sendAt)) : null,
            email && invitation.reminderAfterDays() != null && invitation.reminderAfterDays() > 0
                ? invitation.reminderAfterDays()
                : null,
            invitation.linkBase())
        .update();
    return token;
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

  /**
   * The customer of a personal link asks for no more survey emails: their EMAIL consent is
   * withdrawn, so queued invitations and reminders are not sent either.
   *
   * @return false when the token is unknown
   */
  public boolean optOut(String token) {
    Optional<UUID> customer =
        jdbc.sql("SELECT customer_id FROM survey_invitation WHERE token = ?")
            .param(token)
            .query(UUID.class)
            .optional();
    customer.ifPresent(
        id -> contacts.withdraw(new CustomerId(id), ConsentChannel.EMAIL, "survey-opt-out"));
    return customer.isPresent();
  }

  /** Records that the customer opened the personal link, the first time only. */
  public void opened(String token) {
    jdbc.sql("UPDATE survey_invitation SET opened_at = ? WHERE token = ? AND opened_at IS NULL")
        .params(toDb(clock.instant()), token)
        .update();
  }
}
