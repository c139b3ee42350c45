package org.manyi.cases.internal;

import static org.manyi.shared.Times.toDb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.CaseId;
import org.manyi.identity.UserId;
import org.manyi.platform.Mail;
import org.manyi.platform.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers' side of cases, without staff sign-in. A customer submits feedback (a case of
 * channel {@code PORTAL}, recorded by the portal), and follows it by its number plus a one-time
 * code mailed to the address given at submission; a verified code gives an access token that lets
 * the customer read the customer-visible history, write messages and accept or reject the
 * resolution (a rejection escalates the case). Submissions, code requests and messages are limited
 * per IP address, codes also per case; a code takes a few wrong guesses only. Answers never tell
 * whether a case number exists.
 */
@Service
public class PortalCases {

  /** Who the history names for what customers do in the portal (no staff user). */
  public static final UserId CUSTOMER = new UserId(new UUID(0L, 0xC057L));

  private static final Logger log = LoggerFactory.getLogger(PortalCases.class);
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern NUMBER = Pattern.compile("^C\\d{8}-\\d{4,}$");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CaseManagement cases;
  private final CaseRepository repository;
  private final PortalLimits limits;
  private final PortalProperties settings;
  private final Mail mail;
  private final MessageSource messages;
  private final JdbcClient jdbc;

  PortalCases(
      CaseManagement cases,
      CaseRepository repository,
      PortalLimits limits,
      PortalProperties settings,
      Mail mail,
      MessageSource messages,
      JdbcClient jdbc) {
    this.cases = cases;
    this.repository = repository;
    this.limits = limits;
    this.settings = settings;
    this.mail = mail;
    this.messages = messages;
    this.jdbc = jdbc;
  }

  /** How long an access token lasts. */
  public java.time.Duration accessValidity() {
    return settings.accessValidity();
  }

  /** The types a customer may choose (a recovery case is opened by the company only). */
  public static List<CaseType> types() {
    return List.of(
        CaseType.COMPLAINT,
        CaseType.SUGGESTION,
        CaseType.INQUIRY,
        CaseType.PRAISE,
        CaseType.AFTER_SALES);
  }

  /**
   * Records the customer's feedback as a case and mails its number with how to follow it.
   *
   * @return the case number
   */
  @Transactional
  public String submit(PortalSubmission form, String ip, Locale locale) {
    if (form.type() == null || !types().contains(form.type())) {
      throw ProblemException.invalid("type", "case.type.required");
    }
    String name = strip(form.name());
    if (name.isEmpty()) {
      throw ProblemException.invalid("name", "portal.name.required");
    }
    if (name.length() > 100) {
      throw ProblemException.invalid("name", "portal.name.tooLong", 100);
    }
    String email = email(form.email());
    String phone = strip(form.phone());
    if (phone.length() > 40) {
      throw ProblemException.invalid("phone", "portal.phone.tooLong", 40);
    }
    String description = strip(form.description());
    if (description.isEmpty()) {
      throw ProblemException.invalid("description", "case.description.required");
    }
    if (description.length() > CaseManagement.MAX_DESCRIPTION) {
      throw ProblemException.invalid(
          "description", "case.description.tooLong", CaseManagement.MAX_DESCRIPTION);
    }
    String remedy = strip(form.remedyRequested());
    if (remedy.length() > 1000) {
      throw ProblemException.invalid("remedyRequested", "portal.remedy.tooLong", 1000);
    }
    limits.take("submit", ip, settings.submissionsPerHour());
    Case c =
        cases.open(
            new NewCase(
                form.type(),
                CaseChannel.PORTAL,
                null,
                name,
                phone.isEmpty() ? null : phone,
                null,
                description,
                remedy.isEmpty() ? null : remedy),
            CUSTOMER,
            cases.now(),
            null);
    jdbc.sql("INSERT INTO case_portal_contact (case_id, email, language) VALUES (?, ?, ?)")
        .params(c.id().value(), email, locale.toLanguageTag())
        .update();
    boolean sent =
        send(
            email,
            locale,
            "portal.mail.received.subject",
            "portal.mail.received.text",
            c.number(),
            settings.linkBaseUrl() + "/portal/follow?number=" + c.number());
    if (sent) {
      // the receipt with the follow link is the acknowledgement: no second mail is sent
      c.acknowledgeAutomatically(
          cases.now(),
          "已通过邮件确认受理 / Acknowledged by email: " + AutomaticAcknowledgement.masked(email));
      cases.save(c);
    }
    return c.number();
  }

  /**
   * Mails a one-time code for the case when {@code email} is the address it was submitted with;
   * answers the same either way, so nobody learns which numbers and addresses belong together.
   *
   * @throws ProblemException 429 past the limits; 503 of type {@code mail-unavailable} when no mail
   *     server is configured
   */
  @Transactional
  public void requestCode(@Nullable String number, @Nullable String email, String ip) {
    String n = number(number);
    String address = email(email);
    limits.take("code", ip, settings.codesPerHour());
    if (!mail.configured()) {
      throw new Unavailable();
    }
    Optional<Contact> contact = contact(n).filter(x -> x.email().equalsIgnoreCase(address));
    if (contact.isEmpty()) {
      return;
    }
    limits.take("code-case", n, settings.codesPerCasePerHour());
    String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
    Instant now = cases.now();
    jdbc.sql(
            "INSERT INTO case_portal_code (id, case_id, code_hash, created_at, expires_at,"
                + " attempts) VALUES (?, ?, ?, ?, ?, 0)")
        .params(
            UUID.randomUUID(),
            contact.get().caseId().value(),
            sha256(code),
            toDb(now),
            toDb(now.plus(settings.codeValidity())))
        .update();
    send(
        contact.get().email(),
        contact.get().locale(),
        "portal.mail.code.subject",
        "portal.mail.code.text",
        n,
        code,
        settings.codeValidity().toMinutes());
  }

  /**
   * Checks a one-time code and returns an access token for the case; the code is used up. A wrong
   * code counts against the newest code of the case, which is void after a few wrong guesses.
   *
   * @throws ProblemException 400 on field {@code code} when it is wrong, used or expired
   */
  @Transactional(noRollbackFor = ProblemException.class)
  public String verify(@Nullable String number, @Nullable String code, String ip) {
    String n = number(number);
    String given = strip(code);
    if (given.isEmpty()) {
      throw ProblemException.invalid("code", "portal.code.required");
    }
    limits.take("verify", ip, settings.codesPerHour() * settings.codeAttempts());
    Optional<Case> c = repository.findByNumber(n);
    if (c.isEmpty()) {
      throw ProblemException.invalid("code", "portal.code.wrong");
    }
    Instant now = cases.now();
    Optional<CodeRow> newest =
        jdbc.sql(
                "SELECT id, code_hash, attempts FROM case_portal_code WHERE case_id = ? AND"
                    + " used_at IS NULL AND expires_at > ? ORDER BY created_at DESC LIMIT 1")
            .params(c.get().id().value(), toDb(now))
            .query(
                (rs, i) ->
                    new CodeRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("code_hash"),
                        rs.getInt("attempts")))
            .optional();
    if (newest.isEmpty() || newest.get().attempts() >= settings.codeAttempts()) {
      throw ProblemException.invalid("code", "portal.code.wrong");
    }
    if (!MessageDigest.isEqual(
        newest.get().hash().getBytes(StandardCharsets.US_ASCII),
        sha256(given).getBytes(StandardCharsets.US_ASCII))) {
      jdbc.sql("UPDATE case_portal_code SET attempts = attempts + 1 WHERE id = ?")
          .param(newest.get().id())
          .update();
      throw ProblemException.invalid("code", "portal.code.wrong");
    }
    jdbc.sql("UPDATE case_portal_code SET used_at = ? WHERE id = ?")
        .params(toDb(now), newest.get().id())
        .update();
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.sql("INSERT INTO case_portal_access (token_hash, case_id, expires_at) VALUES (?, ?, ?)")
        .params(sha256(token), c.get().id().value(), toDb(now.plus(settings.accessValidity())))
        .update();
    return token;
  }

  /** The case as its customer sees it; 404 for an unknown number or a missing or stale token. */
  @Transactional(readOnly = true)
  public PortalCase view(@Nullable String number, @Nullable String token) {
    Case c = authorised(number, token);
    Integer satisfaction =
        jdbc.sql("SELECT satisfaction FROM case_portal_contact WHERE case_id = ?")
            .param(c.id().value())
            .query((rs, i) -> (Integer) rs.getObject(1, Integer.class))
            .optional()
            .orElse(null);
    List<PortalCase.Entry> history =
        repository.history(c.id()).stream()
            .filter(e -> e.visibility() == Visibility.CUSTOMER)
            .map(PortalCases::entry)
            .toList();
    return new PortalCase(
        c.number(),
        c.type(),
        c.status(),
        c.receivedAt(),
        c.description(),
        c.remedyRequested(),
        c.reaction(),
        c.status() == CaseStatus.RESPONDED && c.reaction() == null,
        c.status().open(),
        satisfaction,
        history);
  }

  /** Adds the customer's message to the case's history (visible to the customer and staff). */
  @Transactional
  public void message(
      @Nullable String number, @Nullable String token, @Nullable String text, String ip) {
    String t = strip(text);
    if (t.isEmpty()) {
      throw ProblemException.invalid("text", "portal.message.required");
    }
    if (t.length() > CaseManagement.MAX_DESCRIPTION) {
      throw ProblemException.invalid(
          "text", "case.description.tooLong", CaseManagement.MAX_DESCRIPTION);
    }
    Case c = authorised(number, token);
    if (!c.status().open()) {
      throw ProblemException.conflict("case-closed", "portal.closed");
    }
    limits.take("message", ip, settings.messagesPerHour());
    c.addNote(CUSTOMER, cases.now(), t, Visibility.CUSTOMER);
    cases.save(c);
  }

  /**
   * Records whether the customer accepts the proposed resolution, with a 1 to 5 rating of it. A
   * rejection escalates the case for an internal review.
   *
   * @throws ProblemException 409 of type {@code illegal-transition} when no resolution waits
   */
  @Transactional
  public void react(
      @Nullable String number,
      @Nullable String token,
      @Nullable Reaction reaction,
      @Nullable Integer satisfaction,
      @Nullable String note) {
    if (reaction == null || reaction == Reaction.NO_REPLY) {
      throw ProblemException.invalid("reaction", "case.reaction.required");
    }
    if (satisfaction == null || satisfaction < 1 || satisfaction > 5) {
      throw ProblemException.invalid("satisfaction", "portal.satisfaction.range");
    }
    String n = strip(note);
    if (n.length() > 1000) {
      throw ProblemException.invalid("note", "portal.note.tooLong", 1000);
    }
    Case c = authorised(number, token);
    Instant now = cases.now();
    c.recordReaction(CUSTOMER, now, reaction, n.isEmpty() ? null : n, cases.policy());
    cases.save(c);
    jdbc.sql(
            "UPDATE case_portal_contact SET satisfaction = ?, satisfaction_at = ? WHERE case_id"
                + " = ?")
        .params(satisfaction, toDb(now), c.id().value())
        .update();
  }

  /** A response's history text: the remedy, its value when it has one, and the message. */
  private static final java.util.regex.Pattern RESPONSE =
      java.util.regex.Pattern.compile(
          "^([A-Z_]+)(?: [0-9.]+)?: (.*)$", java.util.regex.Pattern.DOTALL);

  /** A history line for the customer; a response's "REMEDY [value]: message" is split in two. */
  private static PortalCase.Entry entry(HistoryEntry e) {
    String text = e.kind() == HistoryKind.RECEIVED ? null : e.text();
    Remedy remedy = null;
    if (e.kind() == HistoryKind.MESSAGE && text != null && !CUSTOMER.equals(e.by())) {
      java.util.regex.Matcher m = RESPONSE.matcher(text);
      if (m.matches()) {
        for (Remedy r : Remedy.values()) {
          if (r.name().equals(m.group(1))) {
            remedy = r;
            text = m.group(2);
          }
        }
      }
    }
    return new PortalCase.Entry(e.at(), e.kind(), e.to(), remedy, text, CUSTOMER.equals(e.by()));
  }

  private Case authorised(@Nullable String number, @Nullable String token) {
    String n = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
    if (token == null || token.isBlank()) {
      throw ProblemException.notFound("portal.access.denied");
    }
    Optional<UUID> caseId =
        jdbc.sql("SELECT case_id FROM case_portal_access WHERE token_hash = ? AND expires_at > ?")
            .params(sha256(token), toDb(cases.now()))
            .query((rs, i) -> rs.getObject(1, UUID.class))
            .optional();
    return caseId
        .flatMap(id -> repository.find(new CaseId(id)))
        .filter(c -> c.number().equals(n))
        .orElseThrow(() -> ProblemException.notFound("portal.access.denied"));
  }

  private Optional<Contact> contact(String number) {
    return jdbc.sql(
            "SELECT p.case_id, p.email, p.language FROM case_portal_contact p JOIN service_case c"
                + " ON c.id = p.case_id WHERE c.number = ?")
        .param(number)
        .query(
            (rs, i) ->
                new Contact(
                    new CaseId(rs.getObject(1, UUID.class)),
                    rs.getString(2),
                    Locale.forLanguageTag(rs.getString(3))))
        .optional();
  }

  private boolean send(String to, Locale locale, String subject, String text, Object... args) {
    if (!mail.configured()) {
      log.info("No mail server configured; the portal could not mail {}", subject);
      return false;
    }
    try {
      mail.send(
          new Mail.Message(
              to,
              messages.getMessage(subject, args, locale),
              messages.getMessage(text, args, locale)));
      return true;
    } catch (Mail.NotSent e) {
      log.warn("Portal mail {} not sent: {}", subject, e.getMessage());
      if (text.equals("portal.mail.code.text")) {
        throw new Unavailable();
      }
      return false;
    }
  }

  private static String number(@Nullable String number) {
    String n = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
    if (!NUMBER.matcher(n).matches()) {
      throw ProblemException.invalid("number", "portal.number.invalid");
    }
    return n;
  }

  private static String email(@Nullable String email) {
    String e = strip(email);
    if (e.isEmpty()) {
      throw ProblemException.invalid("email", "portal.email.required");
    }
    if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
      throw ProblemException.invalid("email", "portal.email.invalid");
    }
    return e;
  }

  private static String strip(@Nullable String s) {
    return s == null ? "" : s.strip();
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Contact(CaseId caseId, String email, Locale locale) {}

  private record CodeRow(UUID id, String hash, int attempts) {}

  /** No mail server, so no code can be sent: 503. */
  public static final class Unavailable extends ProblemException {
    Unavailable() {
      super(
          org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
          "mail-unavailable",
          "portal.code.unavailable",
          new Object[0],
          List.of());
    }
  }
}
