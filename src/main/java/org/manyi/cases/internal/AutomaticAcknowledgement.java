package org.manyi.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.manyi.cases.CaseId;
import org.manyi.cases.events.CaseOpened;
import org.manyi.customers.ConsentChannel;
import org.manyi.customers.ContactPoint;
import org.manyi.customers.CustomerContacts;
import org.manyi.platform.Mail;
import org.manyi.platform.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Acknowledges a case on receipt by email: the case number and how to follow it, in Chinese then
 * English. The message answers the customer's own request, so it goes out whatever the customer's
 * marketing consent says. Sent, it is recorded in the case's history and the case becomes
 * ACKNOWLEDGED (the time to acknowledge is then measured from receipt). Without a mail server
 * nothing happens and an agent acknowledges by hand; without an address or when the server refuses,
 * an internal note says why. A case no longer RECEIVED, or received longer ago than {@code
 * manyi.cases.acknowledgement.max-age}, is left alone: a late confirmation is no confirmation on
 * receipt. Recovery cases are opened by us after a survey answer, not sent by the customer: their
 * owner calls instead.
 */
@Component
public class AutomaticAcknowledgement {

  private static final Logger log = LoggerFactory.getLogger(AutomaticAcknowledgement.class);
  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  private static final Locale EN = Locale.ENGLISH;

  /** What became of one acknowledgement. */
  public enum Outcome {
    /** Emailed; the case is acknowledged. */
    SENT,
    /** No mail server is configured. */
    NO_MAIL_SERVER,
    /** The case has no customer email address (or no customer). */
    NO_ADDRESS,
    /** The mail server did not take the message. */
    FAILED,
    /** The case is gone, a recovery case, already acknowledged or received too long ago. */
    SKIPPED
  }

  private final CaseRepository cases;
  private final CaseManagement management;
  private final CustomerContacts contacts;
  private final Mail mail;
  private final MessageSource messages;
  private final String followUrl;
  private final Duration maxAge;
  private final Clock clock = Clock.systemUTC();

  AutomaticAcknowledgement(
      CaseRepository cases,
      CaseManagement management,
      CustomerContacts contacts,
      Mail mail,
      MessageSource messages,
      @Value("${manyi.cases.acknowledgement.follow-url:}") String followUrl,
      @Value("${manyi.cases.acknowledgement.max-age:24h}") Duration maxAge) {
    this.cases = cases;
    this.management = management;
    this.contacts = contacts;
    this.mail = mail;
    this.messages = messages;
    this.followUrl = followUrl.strip();
    this.maxAge = maxAge;
  }

  @ApplicationModuleListener
  void on(CaseOpened opened) {
    acknowledge(opened.caseId(), clock.instant());
  }

  /** Sends the acknowledgement of one case now, if it still needs one. */
  public Outcome acknowledge(CaseId id, Instant now) {
    if (!mail.configured()) {
      return Outcome.NO_MAIL_SERVER;
    }
    Optional<Case> found = cases.find(id);
    if (found.isEmpty()
        || found.get().type() == CaseType.RECOVERY
        // the portal mails its own receipt with the follow link to the address given there
        || found.get().channel() == CaseChannel.PORTAL
        || found.get().status() != CaseStatus.RECEIVED
        || found.get().receivedAt().plus(maxAge).isBefore(now)) {
      return Outcome.SKIPPED;
    }
    Case c = found.get();
    Optional<ContactPoint> contact =
        c.customerId() == null
            ? Optional.empty()
            : contacts.contact(c.customerId(), ConsentChannel.EMAIL);
    if (contact.isEmpty() || contact.get().address() == null) {
      c.addSystemNote(now, "自动确认未发送：无邮箱地址 / Acknowledgement not sent: no email address");
      management.save(c);
      return Outcome.NO_ADDRESS;
    }
    String address = contact.get().address();
    try {
      mail.send(message(c, contact.get().name(), address));
    } catch (Mail.NotSent e) {
      log.warn("Acknowledgement of case {} not sent: {}", c.number(), e.getMessage());
      c.addSystemNote(now, "自动确认未发送 / Acknowledgement not sent: " + e.getMessage());
      management.save(c);
      return Outcome.FAILED;
    }
    String text = "已通过邮件确认受理 / Acknowledged by email: " + masked(address);
    try {
      c.acknowledgeAutomatically(now, text);
      management.save(c);
    } catch (ProblemException concurrent) {
      // an agent changed the case while the mail went out: record it on the fresh state, once
      Case fresh = cases.find(id).orElseThrow(() -> concurrent);
      if (fresh.status() == CaseStatus.RECEIVED) {
        fresh.acknowledgeAutomatically(now, text);
      } else {
        fresh.addSystemNote(now, text);
      }
      management.save(fresh);
    }
    return Outcome.SENT;
  }

  /** The bilingual acknowledgement of a case. */
  Mail.Message message(Case c, String name, String address) {
    String subject =
        text("case.ack.mail.subject", ZH, c.number())
            + " / "
            + text("case.ack.mail.subject", EN, c.number());
    String body =
        part(ZH, c, name) + "\n\n----------------------------------------\n\n" + part(EN, c, name);
    return new Mail.Message(address, subject, body);
  }

  private String part(Locale locale, Case c, String name) {
    String follow =
        followUrl.isEmpty()
            ? text("case.ack.mail.followByReply", locale, c.number())
            : text("case.ack.mail.followOnline", locale, c.number(), followUrl);
    return text(
        "case.ack.mail.body",
        locale,
        name,
        c.number(),
        text("case.type." + c.type().name(), locale),
        follow);
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  /** An address as the history shows it: the first letter of the mailbox and the domain. */
  static String masked(String address) {
    int at = address.indexOf('@');
    if (at <= 0) {
      return "***";
    }
    return address.charAt(0) + "***" + address.substring(at);
  }
}
