package org.manyi.surveys.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.ConsentChannel;
import org.manyi.customers.ContactPoint;
import org.manyi.customers.CustomerContacts;
import org.manyi.customers.CustomerId;
import org.manyi.platform.Mail;
import org.manyi.surveys.SurveyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued email invitations and the one reminder, never in the quiet hours. The message is
 * bilingual (简体中文 first, then English): the customer's name, the survey, the personal link, its
 * expiry and how to stop survey emails. Consent is checked again just before sending, so a customer
 * who withdrew it after being queued gets nothing. Reminders go only to customers who have not
 * answered, while the link is valid and the survey open.
 */
@Component
public class InvitationMailer {

  private static final Logger log = LoggerFactory.getLogger(InvitationMailer.class);
  private static final int BATCH = 200;
  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  private static final Locale EN = Locale.ENGLISH;

  /** What became of one delivery attempt. */
  enum Delivery {
    SENT,
    FAILED,
    /** Not due yet (quiet hours) or no longer queued. */
    WAITING
  }

  /** A queued or sent invitation as the mailer needs it. */
  record Pending(
      String token,
      SurveyId surveyId,
      UUID customerId,
      Instant expiresAt,
      @Nullable Integer reminderDays,
      @Nullable String linkBase) {}

  private final JdbcClient jdbc;
  private final SurveyRepository surveys;
  private final CustomerContacts contacts;
  private final Mail mail;
  private final MessageSource messages;
  private final QuietHours quietHours;
  private final String defaultLinkBase;
  private final boolean scheduled;
  private final Clock clock = Clock.systemUTC();

  InvitationMailer(
      JdbcClient jdbc,
      SurveyRepository surveys,
      CustomerContacts contacts,
      Mail mail,
      MessageSource messages,
      QuietHours quietHours,
      @Value("${manyi.surveys.link-base-url:http://localhost:8080}") String defaultLinkBase,
      @Value("${manyi.surveys.mail.dispatch-enabled:true}") boolean scheduled) {
    this.jdbc = jdbc;
    this.surveys = surveys;
    this.contacts = contacts;
    this.mail = mail;
    this.messages = messages;
    this.quietHours = quietHours;
    this.defaultLinkBase = defaultLinkBase;
    this.scheduled = scheduled;
  }

  @Scheduled(
      fixedDelayString = "${manyi.surveys.mail.dispatch-delay:60s}",
      initialDelayString = "${manyi.surveys.mail.dispatch-delay:60s}")
  void dispatchScheduled() {
    if (scheduled && mail.configured()) {
      dispatch(clock.instant());
    }
  }

  /**
   * Sends what is due at {@code now}: queued invitations whose quiet-hours delay has passed, then
   * reminders. Nothing at all in the quiet hours.
   *
   * @return how many messages were handed to the mail server
   */
  public int dispatch(Instant now) {
    if (!mail.configured() || quietHours.quiet(now)) {
      return 0;
    }
    int sent = 0;
    for (Pending p :
        pending(
            "i.mail_status = 'QUEUED' AND i.send_after <= ? ORDER BY i.send_after", toDb(now))) {
      if (deliver(p, now) == Delivery.SENT) {
        sent++;
      }
    }
    for (Pending p :
        pending(
            "i.mail_status = 'SENT' AND i.remind_at <= ? AND i.reminded_at IS NULL AND"
                + " i.responded_at IS NULL AND i.expires_at > ? AND s.status = 'ACTIVE'"
                + " ORDER BY i.remind_at",
            toDb(now),
            toDb(now))) {
      if (remind(p, now)) {
        sent++;
      }
    }
    return sent;
  }

  /** Sends one queued invitation now if it is due, recording SENT or FAILED with the reason. */
  Delivery deliver(String token, Instant now) {
    return pending("i.token = ? AND i.mail_status = 'QUEUED'", token).stream()
        .findFirst()
        .map(p -> deliver(p, now))
        .orElse(Delivery.WAITING);
  }

  private Delivery deliver(Pending p, Instant now) {
    if (quietHours.quiet(now)) {
      return Delivery.WAITING;
    }
    Optional<Survey> survey = surveys.find(p.surveyId());
    Optional<ContactPoint> contact =
        contacts.contact(new CustomerId(p.customerId()), ConsentChannel.EMAIL);
    String failure = null;
    if (survey.isEmpty() || !survey.get().acceptsResponses()) {
      failure = "survey not open";
    } else if (contact.isEmpty() || !contact.get().consented()) {
      failure = "no consent to email";
    } else if (contact.get().address() == null) {
      failure = "no email address";
    } else if (!p.expiresAt().isAfter(now)) {
      failure = "link expired before it could be sent";
    }
    if (failure == null) {
      try {
        mail.send(invitation(p, survey.get(), contact.get(), false));
      } catch (Mail.NotSent e) {
        failure = e.getMessage();
        log.warn("Survey invitation {} not sent: {}", p.token().substring(0, 6), failure);
      }
    }
    if (failure != null) {
      jdbc.sql("UPDATE survey_invitation SET mail_status = 'FAILED', failure = ? WHERE token = ?")
          .params(failure, p.token())
          .update();
      return Delivery.FAILED;
    }
    Instant remindAt = null;
    if (p.reminderDays() != null && p.reminderDays() > 0) {
      remindAt = now.plus(Duration.ofDays(p.reminderDays()));
      if (!remindAt.isBefore(p.expiresAt())) {
        remindAt = null;
      }
    }
    jdbc.sql(
            "UPDATE survey_invitation SET mail_status = 'SENT', sent_at = ?, remind_at = ?,"
                + " failure = NULL WHERE token = ?")
        .params(toDb(now), toDb(remindAt), p.token())
        .update();
    return Delivery.SENT;
  }

  private boolean remind(Pending p, Instant now) {
    Optional<Survey> survey = surveys.find(p.surveyId());
    Optional<ContactPoint> contact =
        contacts.contact(new CustomerId(p.customerId()), ConsentChannel.EMAIL);
    String failure = null;
    if (survey.isEmpty()
        || contact.isEmpty()
        || !contact.get().consented()
        || contact.get().address() == null) {
      failure = "reminder not sent: no consent to email";
    } else {
      try {
        mail.send(invitation(p, survey.get(), contact.get(), true));
      } catch (Mail.NotSent e) {
        failure = "reminder not sent: " + e.getMessage();
      }
    }
    // marked either way: one reminder at most, never a retry loop
    jdbc.sql("UPDATE survey_invitation SET reminded_at = ?, failure = ? WHERE token = ?")
        .params(toDb(now), failure, p.token())
        .update();
    return failure == null;
  }

  /** The bilingual message for one invitation or its reminder. */
  Mail.Message invitation(Pending p, Survey survey, ContactPoint to, boolean reminder) {
    String base = p.linkBase() == null ? defaultLinkBase : p.linkBase();
    String link = base.replaceAll("/+$", "") + "/s/" + p.token();
    String kind = reminder ? "reminder" : "invitation";
    String subject =
        text("mail." + kind + ".subject", ZH, survey.name())
            + " / "
            + text("mail." + kind + ".subject", EN, survey.name());
    String body =
        part(kind, ZH, survey, to, link, p.expiresAt())
            + "\n\n----------------------------------------\n\n"
            + part(kind, EN, survey, to, link, p.expiresAt());
    return new Mail.Message(to.address(), subject, body);
  }

  private String part(
      String kind, Locale locale, Survey survey, ContactPoint to, String link, Instant expires) {
    String date =
        DateTimeFormatter.ofPattern(text("mail.dateFormat", locale), locale)
            .format(expires.atZone(quietHours.zone()));
    return String.join(
        "\n",
        text("mail.greeting", locale, to.name()),
        "",
        text("mail." + kind + ".body", locale, survey.name()),
        link,
        "",
        text("mail.expiry", locale, date),
        "",
        text("mail.optout", locale),
        link + "/opt-out");
  }

  private String text(String code, Locale locale, Object... args) {
    return messages.getMessage(code, args, locale);
  }

  private List<Pending> pending(String where, Object... params) {
    return jdbc.sql(
            "SELECT i.token, i.survey_id, i.customer_id, i.expires_at, i.reminder_days,"
                + " i.link_base FROM survey_invitation i JOIN survey s ON s.id = i.survey_id"
                + " WHERE "
                + where
                + " LIMIT "
                + BATCH)
        .params(List.of(params))
        .query(
            (rs, row) -> {
              int days = rs.getInt("reminder_days");
              return new Pending(
                  rs.getString("token"),
                  new SurveyId(rs.getObject("survey_id", UUID.class)),
                  rs.getObject("customer_id", UUID.class),
                  fromDb(rs.getObject("expires_at", OffsetDateTime.class)),
                  rs.wasNull() ? null : days,
                  rs.getString("link_base"));
            })
        .list();
  }
}
