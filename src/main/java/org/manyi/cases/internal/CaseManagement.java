package org.manyi.cases.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.CaseId;
import org.manyi.customers.CustomerAccess;
import org.manyi.customers.CustomerId;
import org.manyi.customers.ScopeCondition;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.Role;
import org.manyi.identity.TeamId;
import org.manyi.identity.UserId;
import org.manyi.identity.UserSummary;
import org.manyi.identity.Users;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receiving and working cases within the caller's scope. A case with a customer is visible to
 * whoever may see the customer; every case is visible to its assignee, to the managers of its queue
 * and to admins; a case of an unidentified contact also to whoever recorded it. A case outside the
 * scope answers 404, as if it did not exist.
 */
@Service
public class CaseManagement {

  static final int MAX_DESCRIPTION = 4000;

  private final CaseRepository cases;
  private final CaseNumbers numbers;
  private final CaseCategories categories;
  private final CustomerAccess customerAccess;
  private final Users users;
  private final CasesProperties settings;
  private final WorkingCalendars calendars;
  private final ApplicationEventPublisher events;
  private final CaseRouting routing;
  private final RemedyApprovalProperties approvals;
  private final Clock clock = Clock.systemUTC();

  CaseManagement(
      CaseRepository cases,
      CaseNumbers numbers,
      CaseCategories categories,
      CustomerAccess customerAccess,
      Users users,
      CasesProperties settings,
      WorkingCalendars calendars,
      ApplicationEventPublisher events,
      CaseRouting routing,
      RemedyApprovalProperties approvals) {
    this.cases = cases;
    this.numbers = numbers;
    this.categories = categories;
    this.customerAccess = customerAccess;
    this.users = users;
    this.settings = settings;
    this.calendars = calendars;
    this.events = events;
    this.routing = routing;
    this.approvals = approvals;
  }

  public CasesProperties settings() {
    return settings;
  }

  /** The deadline targets on the current working calendar. */
  public SlaPolicy policy() {
    return new SlaPolicy(settings, calendars.current());
  }

  public Instant now() {
    return clock.instant();
  }

  /** Records a new case; a customer outside the caller's scope is refused as unknown. */
  @Transactional
  public Case open(NewCase data, CurrentUser me) {
    return open(data, me.id(), now(), me);
  }

  Case open(NewCase data, UserId by, Instant at, @Nullable CurrentUser me) {
    if (data.description().isBlank()) {
      throw ProblemException.invalid("description", "case.description.required");
    }
    if (data.description().length() > MAX_DESCRIPTION) {
      throw ProblemException.invalid("description", "case.description.tooLong", MAX_DESCRIPTION);
    }
    if (data.customerId() == null && (data.contactName() == null || data.contactName().isBlank())) {
      throw ProblemException.invalid("customerId", "case.customer.required");
    }
    if (data.customerId() != null && me != null && !customerAccess.canRead(me, data.customerId())) {
      throw ProblemException.invalid("customerId", "case.customer.unknown");
    }
    Case c = Case.receive(CaseId.random(), numbers.next(at), data, by, at, policy());
    cases.insert(c);
    publish(c);
    return c;
  }

  /**
   * A recovery case for a dissatisfied survey answer, recorded by and assigned to the customer's
   * owner (in the owner's team queue when they have one).
   */
  @Transactional
  Case openRecovery(CustomerId customer, UserSummary owner, String description) {
    Instant at = now();
    UserId by = owner.id();
    Case c =
        open(
            new NewCase(
                CaseType.RECOVERY,
                CaseChannel.SURVEY,
                customer,
                null,
                null,
                null,
                description,
                null),
            by,
            at,
            null);
    if (owner.teamId() != null) {
      c.assign(by, at, owner.teamId(), owner.id(), null);
      save(c);
    }
    return c;
  }

  /** One case; 404 when it does not exist or is outside the caller's scope. */
  @Transactional(readOnly = true)
  public Case get(CaseId id, CurrentUser me) {
    return cases
        .find(id)
        .filter(c -> canRead(me, c))
        .orElseThrow(() -> ProblemException.notFound("case.notFound"));
  }

  /** The case's history, internal notes included (staff only). */
  @Transactional(readOnly = true)
  public List<HistoryEntry> history(CaseId id, CurrentUser me) {
    get(id, me);
    return cases.history(id);
  }

  @Transactional
  public Case acknowledge(CaseId id, @Nullable String message, CurrentUser me) {
    return change(id, me, c -> c.acknowledge(me.id(), now(), message));
  }

  @Transactional
  public Case assess(
      CaseId id,
      @Nullable String category,
      @Nullable Level severity,
      @Nullable Level urgency,
      CurrentUser me) {
    if (category == null || category.isBlank()) {
      throw ProblemException.invalid("category", "case.category.required");
    }
    Category found =
        categories
            .find(category)
            .filter(Category::active)
            .orElseThrow(() -> ProblemException.invalid("category", "case.category.unknown"));
    if (severity == null) {
      throw ProblemException.invalid("severity", "case.severity.required");
    }
    if (urgency == null) {
      throw ProblemException.invalid("urgency", "case.urgency.required");
    }
    Case c = get(id, me);
    c.assess(me.id(), now(), found, severity, urgency, policy());
    if (c.assigneeId() == null) {
      routing.route(c).ifPresent(r -> c.route(now(), r.team(), r.assignee(), r.rule().describe()));
    }
    save(c);
    return c;
  }

  /**
   * Puts the case in a team's queue; without an assignee the next member of the team takes it, in
   * turn (round-robin). Without a queue (and assignee) the routing rules choose both; when no rule
   * matches the queue is required. Taking a case from its owner needs a reason.
   */
  @Transactional
  public Case assign(
      CaseId id,
      @Nullable UUID queue,
      @Nullable UUID assignee,
      @Nullable String reason,
      CurrentUser me) {
    if (queue == null) {
      Case c = get(id, me);
      CaseRouting.Routed r =
          assignee == null
              ? routing
                  .route(c)
                  .orElseThrow(() -> ProblemException.invalid("queue", "case.queue.required"))
              : null;
      if (r == null) {
        throw ProblemException.invalid("queue", "case.queue.required");
      }
      String rule = r.rule().describe();
      String why =
          c.assigneeId() == null || reason == null || reason.isBlank()
              ? (c.assigneeId() == null ? rule : reason)
              : reason.strip() + " · " + rule;
      c.assign(me.id(), now(), r.team(), r.assignee(), why);
      save(c);
      return c;
    }
    TeamId team = new TeamId(queue);
    Case c = get(id, me);
    UserId to;
    if (assignee != null) {
      UserSummary user =
          users
              .find(new UserId(assignee))
              .filter(UserSummary::enabled)
              .filter(u -> team.equals(u.teamId()))
              .orElseThrow(() -> ProblemException.invalid("assigneeId", "case.assign.notMember"));
      to = user.id();
    } else {
      to = routing.pick(team, AssignmentStrategy.ROUND_ROBIN);
    }
    c.assign(me.id(), now(), team, to, reason);
    save(c);
    return c;
  }

  /**
   * Proposes a remedy to the customer. A remedy with an approval threshold must state its value;
   * above the threshold it waits for a supervisor unless the caller may approve it.
   *
   * @param amount the remedy's value (yuan, or points for {@link Remedy#POINTS})
   */
  @Transactional
  public Case respond(
      CaseId id,
      @Nullable Remedy remedy,
      @Nullable String message,
      @Nullable BigDecimal amount,
      CurrentUser me) {
    if (remedy == null) {
      throw ProblemException.invalid("remedy", "case.remedy.required");
    }
    if (message == null || message.isBlank()) {
      throw ProblemException.invalid("message", "case.message.required");
    }
    if (amount != null && (amount.signum() < 0 || amount.scale() > 2 || amount.precision() > 12)) {
      throw ProblemException.invalid("amount", "case.remedy.amountInvalid");
    }
    BigDecimal threshold = approvals.threshold(remedy);
    if (threshold != null && amount == null) {
      throw ProblemException.invalid("amount", "case.remedy.amountRequired");
    }
    Case c = get(id, me);
    if (threshold != null && amount.compareTo(threshold) > 0 && !mayApprove(me, c)) {
      c.requestRemedyApproval(me.id(), now(), remedy, message.strip(), amount);
    } else {
      c.respond(me.id(), now(), remedy, message.strip(), amount);
    }
    save(c);
    return c;
  }

  /** A supervisor approves or refuses the remedy waiting for approval (403 for anyone else). */
  @Transactional
  public Case decideRemedy(
      CaseId id, @Nullable Boolean approved, @Nullable String note, CurrentUser me) {
    if (approved == null) {
      throw ProblemException.invalid("approved", "case.approval.decisionRequired");
    }
    Case c = get(id, me);
    if (!mayApprove(me, c)) {
      throw new org.springframework.security.access.AccessDeniedException(
          "only a supervisor of the case's team approves remedies");
    }
    c.decideRemedy(me.id(), now(), approved, note);
    save(c);
    return c;
  }

  /** Whether the user may approve the case's remedies: an admin, or a manager of its team. */
  public boolean mayApprove(CurrentUser me, Case c) {
    if (!me.can(org.manyi.identity.Permission.CASES_APPROVE_REMEDIES)) {
      return false;
    }
    return me.hasRole(Role.ADMIN) || (me.teamId() != null && me.teamId().equals(c.teamId()));
  }

  @Transactional
  public Case reaction(
      CaseId id, @Nullable Reaction reaction, @Nullable String note, CurrentUser me) {
    if (reaction == null) {
      throw ProblemException.invalid("reaction", "case.reaction.required");
    }
    return change(id, me, c -> c.recordReaction(me.id(), now(), reaction, note, policy()));
  }

  @Transactional
  public Case close(
      CaseId id, @Nullable String rootCause, @Nullable String correctiveAction, CurrentUser me) {
    if (rootCause != null && rootCause.length() > 64) {
      throw ProblemException.invalid("rootCause", "case.rootCause.tooLong", 64);
    }
    return change(id, me, c -> c.close(me.id(), now(), rootCause, correctiveAction));
  }

  @Transactional
  public Case reopen(CaseId id, @Nullable String reason, CurrentUser me) {
    return change(id, me, c -> c.reopen(me.id(), now(), reason == null ? "" : reason, policy()));
  }

  @Transactional
  public Case escalate(CaseId id, @Nullable String reason, CurrentUser me) {
    return change(id, me, c -> c.escalate(me.id(), now(), "MANUAL", reason, policy()));
  }

  /** Moves the resolution deadline later by whole hours; never without a reason. */
  @Transactional
  public Case extend(CaseId id, @Nullable Integer hours, @Nullable String reason, CurrentUser me) {
    if (hours == null || hours <= 0) {
      throw ProblemException.invalid("hours", "case.extend.positive");
    }
    return change(
        id,
        me,
        c ->
            c.extendResolution(
                me.id(),
                now(),
                java.time.Duration.ofHours(hours),
                reason == null ? "" : reason,
                policy()));
  }

  @Transactional
  public Case note(
      CaseId id, @Nullable String text, @Nullable Visibility visibility, CurrentUser me) {
    return change(
        id,
        me,
        c ->
            c.addNote(
                me.id(),
                now(),
                text == null ? "" : text,
                visibility == null ? Visibility.INTERNAL : visibility));
  }

  /** Cases within the caller's scope, newest first. */
  @Transactional(readOnly = true)
  public PageResult<Case> search(CaseFilter filter, PageRequest page, CurrentUser me) {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(scope(me, params));
    if (filter.status() != null) {
      where.append(" AND c.status = ?");
      params.add(filter.status().name());
    }
    if (filter.priority() != null) {
      where.append(" AND c.priority = ?");
      params.add(filter.priority().name());
    }
    if (filter.queue() != null) {
      where.append(" AND c.team_id = ?");
      params.add(filter.queue());
    }
    if (filter.assignee() != null) {
      where.append(" AND c.assignee_id = ?");
      params.add(filter.assignee());
    }
    if (filter.mine()) {
      where.append(" AND c.assignee_id = ?");
      params.add(me.id().value());
    }
    if (filter.overdue()) {
      var t = org.manyi.shared.Times.toDb(now());
      where.append(
          " AND c.status <> 'CLOSED' AND ((c.acknowledged_at IS NULL AND c.acknowledge_due < ?)"
              + " OR (c.first_response_at IS NULL AND c.response_due < ?) OR (c.paused_since IS"
              + " NULL AND c.resolution_due < ?))");
      params.add(t);
      params.add(t);
      params.add(t);
    }
    long total = cases.count(where.toString(), params);
    return new PageResult<>(
        cases.list(where.toString(), params, page.offset(), page.size()),
        page.page(),
        page.size(),
        total);
  }

  /** The team queues (teams with enabled members), by name. */
  public Map<UUID, String> queues() {
    Map<UUID, String> queues = new LinkedHashMap<>();
    users.enabled().stream()
        .filter(u -> u.teamId() != null && u.teamName() != null)
        .sorted(java.util.Comparator.comparing(u -> Objects.requireNonNull(u.teamName())))
        .forEach(
            u ->
                queues.putIfAbsent(
                    Objects.requireNonNull(u.teamId()).value(),
                    Objects.requireNonNull(u.teamName())));
    return queues;
  }

  boolean canRead(CurrentUser me, Case c) {
    if (me.hasRole(Role.ADMIN) || me.id().equals(c.assigneeId())) {
      return true;
    }
    if (me.hasRole(Role.MANAGER) && me.teamId() != null && me.teamId().equals(c.teamId())) {
      return true;
    }
    CustomerId customer = c.customerId();
    return customer != null ? customerAccess.canRead(me, customer) : me.id().equals(c.createdBy());
  }

  /** The SQL condition on {@code c} (service_case) limiting cases to the caller's scope. */
  String scope(CurrentUser me, List<Object> params) {
    if (me.hasRole(Role.ADMIN)) {
      return "1=1";
    }
    ScopeCondition customers = customerAccess.condition(me, "c.customer_id");
    StringBuilder sql = new StringBuilder("(c.assignee_id = ?");
    params.add(me.id().value());
    if (me.hasRole(Role.MANAGER) && me.teamId() != null) {
      sql.append(" OR c.team_id = ?");
      params.add(me.teamId().value());
    }
    sql.append(" OR (c.customer_id IS NOT NULL AND ").append(customers.sql()).append(")");
    params.addAll(customers.params());
    sql.append(" OR (c.customer_id IS NULL AND c.created_by = ?))");
    params.add(me.id().value());
    return sql.toString();
  }

  private Case change(CaseId id, CurrentUser me, java.util.function.Consumer<Case> action) {
    Case c = get(id, me);
    action.accept(c);
    save(c);
    return c;
  }

  void save(Case c) {
    cases.update(c);
    publish(c);
  }

  private void publish(Case c) {
    c.events().forEach(events::publishEvent);
    c.events.clear();
  }
}
