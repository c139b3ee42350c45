package org.manyi.cases.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.CaseId;
import org.manyi.cases.events.CaseAlertRaised;
import org.manyi.cases.events.CaseClosed;
import org.manyi.cases.events.CaseEscalated;
import org.manyi.cases.events.CaseOpened;
import org.manyi.customers.CustomerId;
import org.manyi.identity.TeamId;
import org.manyi.identity.UserId;
import org.manyi.platform.ProblemException;

/**
 * A feedback or complaint case, guarding its state machine: every change goes through a named
 * method that checks the current status (an illegal transition is a 409 problem of type {@code
 * illegal-transition}), appends to the history and registers the events to publish. Deadlines are
 * counted in working time on the {@link WorkingCalendar} from receipt; the resolution deadline
 * stops while the case waits for the customer's reaction and moves on by the working time waited,
 * with a history entry saying so.
 */
public final class Case {

  CaseId id;
  String number;
  CaseType type;
  CaseChannel channel;
  @Nullable CustomerId customerId;
  @Nullable String contactName;
  @Nullable String contactPhone;
  @Nullable UUID orderId;
  String description;
  @Nullable String remedyRequested;
  CaseStatus status;
  @Nullable String category;
  @Nullable Level severity;
  @Nullable Level urgency;
  Priority priority;
  @Nullable TeamId teamId;
  @Nullable UserId assigneeId;
  int escalationLevel;
  @Nullable Remedy remedy;
  @Nullable BigDecimal remedyAmount;
  @Nullable Remedy pendingRemedy;
  @Nullable BigDecimal pendingAmount;
  @Nullable String pendingMessage;
  @Nullable UserId pendingBy;
  @Nullable Reaction reaction;
  @Nullable String rootCause;
  @Nullable String correctiveAction;
  Instant receivedAt;
  @Nullable Instant acknowledgedAt;
  @Nullable Instant firstResponseAt;
  @Nullable Instant closedAt;
  Instant acknowledgeDue;
  Instant responseDue;
  Instant resolutionDue;
  @Nullable Instant pausedSince;
  boolean[] breachEscalated = new boolean[Deadline.values().length];
  UserId createdBy;
  int version;

  final transient List<HistoryEntry> newHistory = new ArrayList<>();
  final transient List<Object> events = new ArrayList<>();

  @SuppressWarnings("NullAway.Init")
  Case() {}

  /** A case as received; it starts at P3 until assessed. */
  static Case receive(
      CaseId id, String number, NewCase data, UserId by, Instant now, SlaPolicy settings) {
    Case c = new Case();
    c.id = id;
    c.number = number;
    c.type = data.type();
    c.channel = data.channel();
    c.customerId = data.customerId();
    c.contactName = data.contactName();
    c.contactPhone = data.contactPhone();
    c.orderId = data.orderId();
    c.description = data.description();
    c.remedyRequested = data.remedyRequested();
    c.status = CaseStatus.RECEIVED;
    c.priority = Priority.P3;
    c.receivedAt = now;
    c.createdBy = by;
    c.setDeadlines(settings);
    c.log(now, by, HistoryKind.RECEIVED, null, CaseStatus.RECEIVED, Visibility.CUSTOMER, number);
    c.log(now, null, HistoryKind.SLA, null, null, Visibility.INTERNAL, c.priority.name());
    c.events.add(new CaseOpened(id, number, c.type.name(), c.channel.name(), c.customerId, now));
    return c;
  }

  /** Tells the customer the number and how to follow the case. */
  public void acknowledge(UserId by, Instant now, @Nullable String message) {
    require("acknowledge", CaseStatus.RECEIVED);
    acknowledgedAt = now;
    move(by, now, CaseStatus.ACKNOWLEDGED, Visibility.CUSTOMER, blankToNull(message));
  }

  /**
   * Records the acknowledgement the system sent on receipt, with no user behind it.
   *
   * @param text what was sent, through which channel, for the customer-visible history
   */
  public void acknowledgeAutomatically(Instant now, String text) {
    require("acknowledge", CaseStatus.RECEIVED);
    acknowledgedAt = now;
    log(now, null, HistoryKind.MESSAGE, null, null, Visibility.CUSTOMER, text);
    move(null, now, CaseStatus.ACKNOWLEDGED, Visibility.CUSTOMER, null);
  }

  /** How long receipt took to acknowledge, in elapsed time; absent until acknowledged. */
  public @Nullable Duration timeToAcknowledge() {
    return acknowledgedAt == null ? null : Duration.between(receivedAt, acknowledgedAt);
  }

  /**
   * Sets category, severity and urgency; the priority follows from the matrix, except that an
   * urgent category forces P1 and raises an alert. The deadlines are set anew for the priority,
   * counted from receipt.
   */
  public void assess(
      UserId by, Instant now, Category category, Level severity, Level urgency, SlaPolicy s) {
    require(
        "assess",
        CaseStatus.ACKNOWLEDGED,
        CaseStatus.ASSESSED,
        CaseStatus.REOPENED,
        CaseStatus.ESCALATED);
    this.category = category.code();
    this.severity = severity;
    this.urgency = urgency;
    Priority before = priority;
    priority = category.urgent() ? Priority.P1 : Priority.of(severity, urgency);
    log(
        now,
        by,
        HistoryKind.ASSESSMENT,
        null,
        null,
        Visibility.INTERNAL,
        category.code() + " · " + severity + " × " + urgency + " → " + priority);
    if (category.urgent()) {
      log(now, by, HistoryKind.ALERT, null, null, Visibility.INTERNAL, category.code());
      events.add(new CaseAlertRaised(id, number, category.code(), teamId, now));
    }
    if (before != priority) {
      // shift by the difference of targets in working time, so pauses, extensions and
      // reopenings stay counted
      SlaTarget was = s.target(before);
      SlaTarget target = s.target(priority);
      acknowledgeDue = s.plus(acknowledgeDue, target.acknowledge().minus(was.acknowledge()));
      responseDue = s.plus(responseDue, target.response().minus(was.response()));
      resolutionDue = s.plus(resolutionDue, target.resolution().minus(was.resolution()));
      log(now, by, HistoryKind.SLA, null, null, Visibility.INTERNAL, priority.name());
    }
    if (status != CaseStatus.ASSESSED) {
      move(by, now, CaseStatus.ASSESSED, Visibility.INTERNAL, null);
    }
  }

  /**
   * Puts the case in a team's queue with a single assignee. Changing an existing assignee needs a
   * reason. An assessed, reopened or escalated case goes under investigation.
   */
  public void assign(
      UserId by, Instant now, TeamId team, UserId assignee, @Nullable String reason) {
    requireOpen("assign");
    if (assigneeId != null && !assigneeId.equals(assignee) && blankToNull(reason) == null) {
      throw ProblemException.invalid("reason", "case.assign.reasonRequired");
    }
    place(by, now, team, assignee, assignee + (blankToNull(reason) == null ? "" : " · " + reason));
  }

  /**
   * Puts the case in the queue a routing rule chose, with the owner the rule's strategy picked; no
   * user made the choice.
   */
  void route(Instant now, TeamId team, UserId assignee, String rule) {
    requireOpen("assign");
    place(null, now, team, assignee, assignee + " · " + rule);
  }

  private void place(@Nullable UserId by, Instant now, TeamId team, UserId assignee, String text) {
    teamId = team;
    assigneeId = assignee;
    log(now, by, HistoryKind.ASSIGNMENT, null, null, Visibility.INTERNAL, text);
    if (status == CaseStatus.ASSESSED
        || status == CaseStatus.REOPENED
        || status == CaseStatus.ESCALATED) {
      move(by, now, CaseStatus.INVESTIGATING, Visibility.INTERNAL, null);
    }
  }

  /**
   * Proposes a remedy to the customer; the resolution clock stops until the customer reacts.
   *
   * @param message what the customer is told
   */
  public void respond(UserId by, Instant now, Remedy remedy, String message) {
    respond(by, now, remedy, message, null);
  }

  /**
   * Proposes a remedy to the customer; the resolution clock stops until the customer reacts.
   *
   * @param message what the customer is told
   * @param amount the value of the remedy (yuan, or points), when it has one
   */
  public void respond(
      UserId by, Instant now, Remedy remedy, String message, @Nullable BigDecimal amount) {
    require("respond", CaseStatus.INVESTIGATING, CaseStatus.REOPENED, CaseStatus.ESCALATED);
    requireNoPendingApproval();
    this.remedy = remedy;
    this.remedyAmount = amount;
    this.reaction = null;
    if (firstResponseAt == null) {
      firstResponseAt = now;
    }
    log(
        now,
        by,
        HistoryKind.MESSAGE,
        null,
        null,
        Visibility.CUSTOMER,
        remedy + (amount == null ? "" : " " + plain(amount)) + ": " + message);
    move(by, now, CaseStatus.RESPONDED, Visibility.CUSTOMER, null);
    pausedSince = now;
    log(now, by, HistoryKind.SLA, null, null, Visibility.INTERNAL, "paused");
  }

  /**
   * Puts a remedy above its approval threshold to a supervisor; nothing reaches the customer until
   * it is approved, and no other response can be given meanwhile.
   */
  public void requestRemedyApproval(
      UserId by, Instant now, Remedy remedy, String message, BigDecimal amount) {
    require("respond", CaseStatus.INVESTIGATING, CaseStatus.REOPENED, CaseStatus.ESCALATED);
    requireNoPendingApproval();
    pendingRemedy = remedy;
    pendingAmount = amount;
    pendingMessage = message;
    pendingBy = by;
    log(
        now,
        by,
        HistoryKind.APPROVAL,
        null,
        null,
        Visibility.INTERNAL,
        "requested · " + remedy + " " + plain(amount) + ": " + message);
  }

  /**
   * A supervisor's decision on the pending remedy: approved, it is proposed to the customer as
   * requested; refused (with a reason), the case stays under investigation. Nobody decides on their
   * own request.
   */
  public void decideRemedy(UserId by, Instant now, boolean approve, @Nullable String note) {
    Remedy pending = pendingRemedy;
    if (pending == null) {
      throw ProblemException.conflict("no-approval-pending", "case.approval.none");
    }
    if (by.equals(pendingBy)) {
      throw ProblemException.conflict("own-request", "case.approval.ownRequest");
    }
    if (!approve && blankToNull(note) == null) {
      throw ProblemException.invalid("note", "case.approval.noteRequired");
    }
    String message = java.util.Objects.requireNonNull(pendingMessage);
    BigDecimal amount = pendingAmount;
    UserId requester = java.util.Objects.requireNonNull(pendingBy);
    pendingRemedy = null;
    pendingAmount = null;
    pendingMessage = null;
    pendingBy = null;
    log(
        now,
        by,
        HistoryKind.APPROVAL,
        null,
        null,
        Visibility.INTERNAL,
        (approve ? "approved" : "refused") + (blankToNull(note) == null ? "" : " · " + note));
    if (approve) {
      respond(requester, now, pending, message, amount);
    }
  }

  /** An amount as people write it: 800, not 800.00. */
  private static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
  }

  private void requireNoPendingApproval() {
    if (pendingRemedy != null) {
      throw ProblemException.conflict("approval-pending", "case.approval.pending");
    }
  }

  /**
   * Records how the customer took the response; the clock runs again. A rejection escalates the
   * case to an internal review.
   */
  public void recordReaction(
      UserId by, Instant now, Reaction reaction, @Nullable String note, SlaPolicy s) {
    require("reaction", CaseStatus.RESPONDED);
    if (this.reaction != null) {
      throw ProblemException.conflict("illegal-transition", "case.reaction.already");
    }
    this.reaction = reaction;
    log(
        now,
        by,
        HistoryKind.REACTION,
        null,
        null,
        Visibility.CUSTOMER,
        reaction + (blankToNull(note) == null ? "" : ": " + note));
    resume(by, now, s);
    if (reaction == Reaction.REJECTED) {
      escalate(by, now, "REJECTED", note, s);
    }
  }

  /**
   * Closes the case; only after a response whose reaction is recorded (accepted, or no reply).
   *
   * @param rootCause root-cause code, for learning
   * @param correctiveAction what is done so it does not happen again
   */
  public void close(
      UserId by, Instant now, @Nullable String rootCause, @Nullable String correctiveAction) {
    if (status == CaseStatus.RESPONDED && reaction == null) {
      throw ProblemException.conflict("reaction-missing", "case.close.reactionMissing");
    }
    require("close", CaseStatus.RESPONDED);
    this.rootCause = blankToNull(rootCause);
    this.correctiveAction = blankToNull(correctiveAction);
    closedAt = now;
    move(by, now, CaseStatus.CLOSED, Visibility.CUSTOMER, this.correctiveAction);
    events.add(
        new CaseClosed(
            id,
            customerId,
            number,
            type.name(),
            category,
            java.util.Objects.requireNonNull(reaction).name(),
            this.rootCause,
            now));
  }

  /**
   * Opens a closed case again under the same number, within the reopen window. The resolution
   * deadline starts again from now, the reopening being its recorded reason.
   */
  public void reopen(UserId by, Instant now, String reason, SlaPolicy s) {
    require("reopen", CaseStatus.CLOSED);
    if (blankToNull(reason) == null) {
      throw ProblemException.invalid("reason", "case.reasonRequired");
    }
    if (closedAt != null && now.isAfter(closedAt.plus(s.settings().reopenWindow()))) {
      throw ProblemException.conflict("reopen-window-passed", "case.reopen.windowPassed");
    }
    closedAt = null;
    reaction = null;
    resolutionDue = s.plus(now, s.target(priority).resolution());
    breachEscalated[Deadline.RESOLUTION.ordinal()] = false;
    move(by, now, CaseStatus.REOPENED, Visibility.CUSTOMER, reason);
    log(now, by, HistoryKind.SLA, null, null, Visibility.INTERNAL, "reopened");
  }

  /**
   * Raises the case one level.
   *
   * @param by the user, absent for the deadline check
   * @param cause {@code MANUAL}, {@code REJECTED} or {@code SLA_BREACH}
   */
  public void escalate(
      @Nullable UserId by, Instant now, String cause, @Nullable String reason, SlaPolicy s) {
    requireOpen("escalate");
    if ("MANUAL".equals(cause) && blankToNull(reason) == null) {
      throw ProblemException.invalid("reason", "case.reasonRequired");
    }
    resume(by, now, s);
    escalationLevel++;
    log(
        now,
        by,
        HistoryKind.ESCALATION,
        null,
        null,
        Visibility.INTERNAL,
        cause + " · L" + escalationLevel + (blankToNull(reason) == null ? "" : " · " + reason));
    if (status != CaseStatus.ESCALATED) {
      move(by, now, CaseStatus.ESCALATED, Visibility.INTERNAL, null);
    }
    events.add(new CaseEscalated(id, number, escalationLevel, cause, teamId, now));
  }

  /**
   * Escalates for a breached deadline, once per deadline; does nothing when the deadline is met,
   * not yet due, paused or already escalated for.
   *
   * @return whether the case escalated
   */
  public boolean escalateIfBreached(Deadline deadline, Instant now, SlaPolicy s) {
    DeadlineView view = deadline(deadline, now, s);
    if (!status.open()
        || view.state() != ClockState.BREACHED
        || breachEscalated[deadline.ordinal()]) {
      return false;
    }
    breachEscalated[deadline.ordinal()] = true;
    escalate(null, now, "SLA_BREACH", deadline.name(), s);
    return true;
  }

  /** Moves the resolution deadline later by working time; never without a reason. */
  public void extendResolution(UserId by, Instant now, Duration extra, String reason, SlaPolicy s) {
    requireOpen("extend");
    if (blankToNull(reason) == null) {
      throw ProblemException.invalid("reason", "case.reasonRequired");
    }
    if (extra.isNegative() || extra.isZero()) {
      throw ProblemException.invalid("hours", "case.extend.positive");
    }
    resolutionDue = s.plus(resolutionDue, extra);
    log(
        now,
        by,
        HistoryKind.SLA,
        null,
        null,
        Visibility.INTERNAL,
        "+" + extra.toHours() + "h · " + reason);
  }

  /** Adds a note (internal) or a message (shown to the customer) without changing the status. */
  public void addNote(UserId by, Instant now, String text, Visibility visibility) {
    if (blankToNull(text) == null) {
      throw ProblemException.invalid("text", "case.note.required");
    }
    log(
        now,
        by,
        visibility == Visibility.INTERNAL ? HistoryKind.NOTE : HistoryKind.MESSAGE,
        null,
        null,
        visibility,
        text);
  }

  /** Adds an internal note written by the system (no user), such as why a message was not sent. */
  void addSystemNote(Instant now, String text) {
    log(now, null, HistoryKind.NOTE, null, null, Visibility.INTERNAL, text);
  }

  /** The case's clock: its three deadlines as of {@code now}. */
  public List<DeadlineView> clock(Instant now, SlaPolicy s) {
    return Arrays.stream(Deadline.values()).map(d -> deadline(d, now, s)).toList();
  }

  /** One deadline as of {@code now}. */
  public DeadlineView deadline(Deadline deadline, Instant now, SlaPolicy s) {
    SlaTarget target = s.target(priority);
    Instant due;
    @Nullable Instant met;
    Duration length;
    switch (deadline) {
      case ACKNOWLEDGE -> {
        due = acknowledgeDue;
        met = acknowledgedAt;
        length = target.acknowledge();
      }
      case RESPONSE -> {
        due = responseDue;
        met = firstResponseAt;
        length = target.response();
      }
      default -> {
        due = resolutionDue;
        met = closedAt;
        length = target.resolution();
      }
    }
    ClockState state;
    if (met != null) {
      state = met.isAfter(due) ? ClockState.MET_LATE : ClockState.MET;
    } else if (deadline == Deadline.RESOLUTION && pausedSince != null) {
      state = ClockState.PAUSED;
    } else if (now.isAfter(due)) {
      state = ClockState.BREACHED;
    } else if (s.worked(now, due).toMillis() < length.toMillis() * s.settings().dueSoonShare()) {
      state = ClockState.DUE_SOON;
    } else {
      state = ClockState.ON_TRACK;
    }
    return new DeadlineView(deadline, due, met, state);
  }

  private void resume(@Nullable UserId by, Instant now, SlaPolicy s) {
    if (pausedSince == null) {
      return;
    }
    // only the working time spent waiting is given back
    Duration waited = s.worked(pausedSince, now);
    resolutionDue = s.plus(resolutionDue, waited);
    pausedSince = null;
    log(
        now,
        by,
        HistoryKind.SLA,
        null,
        null,
        Visibility.INTERNAL,
        "resumed · +" + waited.toMinutes() + "min");
  }

  private void setDeadlines(SlaPolicy s) {
    SlaTarget target = s.target(priority);
    acknowledgeDue = s.plus(receivedAt, target.acknowledge());
    responseDue = s.plus(receivedAt, target.response());
    resolutionDue = s.plus(receivedAt, target.resolution());
  }

  private void require(String action, CaseStatus... allowed) {
    for (CaseStatus s : allowed) {
      if (status == s) {
        return;
      }
    }
    throw illegal(action);
  }

  private void requireOpen(String action) {
    if (!status.open()) {
      throw illegal(action);
    }
  }

  private ProblemException illegal(String action) {
    return ProblemException.conflict(
            "illegal-transition", "case.transition.illegal", action, status)
        .with("caseStatus", status.name())
        .with("action", action);
  }

  private void move(
      @Nullable UserId by,
      Instant now,
      CaseStatus to,
      Visibility visibility,
      @Nullable String text) {
    CaseStatus from = status;
    status = to;
    log(now, by, HistoryKind.STATUS, from, to, visibility, text);
  }

  private void log(
      Instant now,
      @Nullable UserId by,
      HistoryKind kind,
      @Nullable CaseStatus from,
      @Nullable CaseStatus to,
      Visibility visibility,
      @Nullable String text) {
    newHistory.add(new HistoryEntry(now, by, kind, from, to, visibility, text));
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public CaseId id() {
    return id;
  }

  public String number() {
    return number;
  }

  public CaseType type() {
    return type;
  }

  public CaseChannel channel() {
    return channel;
  }

  public @Nullable CustomerId customerId() {
    return customerId;
  }

  public @Nullable String contactName() {
    return contactName;
  }

  public @Nullable String contactPhone() {
    return contactPhone;
  }

  public @Nullable UUID orderId() {
    return orderId;
  }

  public String description() {
    return description;
  }

  public @Nullable String remedyRequested() {
    return remedyRequested;
  }

  public CaseStatus status() {
    return status;
  }

  public @Nullable String category() {
    return category;
  }

  public @Nullable Level severity() {
    return severity;
  }

  public @Nullable Level urgency() {
    return urgency;
  }

  public Priority priority() {
    return priority;
  }

  public @Nullable TeamId teamId() {
    return teamId;
  }

  public @Nullable UserId assigneeId() {
    return assigneeId;
  }

  public int escalationLevel() {
    return escalationLevel;
  }

  public @Nullable Remedy remedy() {
    return remedy;
  }

  public @Nullable Reaction reaction() {
    return reaction;
  }

  public @Nullable BigDecimal remedyAmount() {
    return remedyAmount;
  }

  /** The remedy waiting for a supervisor's approval, if any. */
  public @Nullable Remedy pendingRemedy() {
    return pendingRemedy;
  }

  public @Nullable BigDecimal pendingAmount() {
    return pendingAmount;
  }

  public @Nullable String pendingMessage() {
    return pendingMessage;
  }

  public @Nullable UserId pendingBy() {
    return pendingBy;
  }

  public @Nullable String rootCause() {
    return rootCause;
  }

  public @Nullable String correctiveAction() {
    return correctiveAction;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public @Nullable Instant acknowledgedAt() {
    return acknowledgedAt;
  }

  public @Nullable Instant firstResponseAt() {
    return firstResponseAt;
  }

  public @Nullable Instant closedAt() {
    return closedAt;
  }

  public boolean paused() {
    return pausedSince != null;
  }

  public UserId createdBy() {
    return createdBy;
  }

  /**
   * The actions the current status allows, for pages to offer only valid forms: {@code
   * acknowledge}, {@code assess}, {@code assign}, {@code respond}, {@code reaction}, {@code close},
   * {@code reopen}, {@code escalate}, and {@code approve} while a remedy waits for approval.
   */
  public java.util.Set<String> allowedActions() {
    java.util.Set<String> actions = byStatus();
    if (pendingRemedy == null) {
      return actions;
    }
    java.util.Set<String> waiting = new java.util.HashSet<>(actions);
    waiting.remove("respond");
    waiting.add("approve");
    return java.util.Set.copyOf(waiting);
  }

  private java.util.Set<String> byStatus() {
    return switch (status) {
      case RECEIVED -> java.util.Set.of("acknowledge", "assign", "escalate");
      case ACKNOWLEDGED, ASSESSED -> java.util.Set.of("assess", "assign", "escalate");
      case INVESTIGATING -> java.util.Set.of("respond", "assign", "escalate");
      case RESPONDED ->
          reaction == null
              ? java.util.Set.of("reaction", "assign", "escalate")
              : java.util.Set.of("close", "assign", "escalate");
      case REOPENED, ESCALATED -> java.util.Set.of("assess", "assign", "respond", "escalate");
      case CLOSED -> java.util.Set.of("reopen");
    };
  }

  /** Events registered by the changes since loading, for the service to publish. */
  List<Object> events() {
    return List.copyOf(events);
  }
}
