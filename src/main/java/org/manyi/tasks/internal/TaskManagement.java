package org.manyi.tasks.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerAccess;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.Customers;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.Role;
import org.manyi.identity.UserId;
import org.manyi.identity.UserSummary;
import org.manyi.identity.Users;
import org.manyi.interactions.Channel;
import org.manyi.interactions.Direction;
import org.manyi.interactions.InteractionId;
import org.manyi.interactions.Interactions;
import org.manyi.interactions.NewInteraction;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.manyi.tasks.TaskId;
import org.manyi.tasks.TaskType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates tasks, lists them (my tasks by due window, a team's for managers, everyone's for admins),
 * and carries out their transitions. A user sees a task assigned to or created by them, or one
 * whose customer lies in their data scope; others answer 404.
 */
@Service
public class TaskManagement {

  /** The longest outcome an interaction takes. */
  static final int OUTCOME_MAX = 500;

  private final TaskRepository repository;
  private final Customers customers;
  private final CustomerAccess access;
  private final Users users;
  private final Interactions interactions;
  private final MessageSource messages;
  private final ZoneId zone;
  private final Clock clock;

  TaskManagement(
      TaskRepository repository,
      Customers customers,
      CustomerAccess access,
      Users users,
      Interactions interactions,
      MessageSource messages,
      @Value("${manyi.time-zone:Asia/Shanghai}") ZoneId zone) {
    this.repository = repository;
    this.customers = customers;
    this.access = access;
    this.users = users;
    this.interactions = interactions;
    this.messages = messages;
    this.zone = zone;
    this.clock = Clock.systemUTC();
  }

  public ZoneId zone() {
    return zone;
  }

  /** The customer, when the user may see it; 404 otherwise. */
  @Transactional(readOnly = true)
  public CustomerSummary customer(CustomerId customer, CurrentUser me) {
    return customers
        .find(customer)
        .filter(c -> access.canRead(me, customer))
        .orElseThrow(() -> ProblemException.notFound("task.customer.notFound"));
  }

  /**
   * Creates a task for a customer the user may see, assigned to them or to someone they may give
   * work to.
   */
  @Transactional
  public Task create(NewTask input, CurrentUser me) {
    customer(input.customer(), me);
    requireAssignable(input.assignee(), me);
    Task task = Task.open(input, me.id(), clock.instant());
    repository.insert(task);
    return task;
  }

  @Transactional(readOnly = true)
  public Task get(TaskId id, CurrentUser me) {
    return repository
        .find(id)
        .filter(t -> canSee(t, me))
        .orElseThrow(() -> ProblemException.notFound("task.notFound"));
  }

  @Transactional(readOnly = true)
  public TaskView view(TaskId id, CurrentUser me) {
    return views(new PageResult<>(List.of(get(id, me)), 0, 1, 1)).items().get(0);
  }

  /**
   * Whose tasks a list shows: {@code me}, {@code team} (a manager's team, everyone for admins), or
   * one user's ID (oneself, a member of one's team for managers, anyone for admins).
   *
   * @return the assignees, or null for everyone
   * @throws ProblemException 400 on field {@code assignee} when the user may not see those tasks
   */
  @Transactional(readOnly = true)
  public @Nullable Set<UserId> assignees(@Nullable String assignee, CurrentUser me) {
    if (assignee == null || assignee.isBlank() || assignee.equals("me")) {
      return Set.of(me.id());
    }
    if (assignee.equals("team")) {
      if (me.hasRole(Role.ADMIN)) {
        return null;
      }
      if (me.hasRole(Role.MANAGER) && me.teamId() != null) {
        return users.members(me.teamId()).stream().map(UserSummary::id).collect(Collectors.toSet());
      }
      throw ProblemException.invalid("assignee", "task.assignee.teamNotAllowed");
    }
    UserId user;
    try {
      user = new UserId(java.util.UUID.fromString(assignee));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("assignee", "task.assignee.invalid");
    }
    if (user.equals(me.id()) || me.hasRole(Role.ADMIN) || isTeamMateManagedBy(user, me)) {
      return Set.of(user);
    }
    throw ProblemException.invalid("assignee", "task.assignee.notVisible");
  }

  @Transactional(readOnly = true)
  public PageResult<TaskView> list(TaskQuery query, PageRequest page) {
    Instant now = clock.instant();
    return views(repository.page(query, now, startOfTomorrow(now), page));
  }

  /** How many of the user's open tasks are due today or overdue, for the reminder badge. */
  @Transactional(readOnly = true)
  public long reminders(CurrentUser me) {
    return repository.countOpenDueBefore(me.id(), startOfTomorrow(clock.instant()));
  }

  /**
   * Completes a task with its result. Completing a callback logs an outgoing phone interaction with
   * the result as its notes, which counts as follow-up of the customer.
   */
  @Transactional
  public Task complete(TaskId id, @Nullable String resultNote, CurrentUser me, Locale locale) {
    Task task = get(id, me);
    Instant now = clock.instant();
    task.complete(resultNote, me.id(), now);
    if (task.type() == TaskType.CALLBACK) {
      InteractionId logged =
          interactions.log(
              new NewInteraction(
                  task.customer(),
                  Channel.PHONE,
                  Direction.OUTBOUND,
                  now,
                  null,
                  messages.getMessage("task.callback.subject", null, locale),
                  task.notes(),
                  outcome(task.resultNote()),
                  task.sourceOrderId(),
                  null,
                  me.id()));
      task.loggedAs(logged.value());
    }
    repository.update(task);
    return task;
  }

  @Transactional
  public Task cancel(TaskId id, @Nullable String reason, CurrentUser me) {
    Task task = get(id, me);
    task.cancel(reason, me.id(), clock.instant());
    repository.update(task);
    return task;
  }

  @Transactional
  public Task reassign(TaskId id, @Nullable UserId to, CurrentUser me) {
    if (to == null) {
      throw ProblemException.invalid("assignee", "task.assignee.required");
    }
    Task task = get(id, me);
    requireAssignable(to, me);
    task.reassign(to);
    repository.update(task);
    return task;
  }

  /** The users this user may give tasks to: themselves, their team, or everyone for admins. */
  @Transactional(readOnly = true)
  public List<UserSummary> assignable(CurrentUser me) {
    if (me.hasRole(Role.ADMIN)) {
      return users.enabled();
    }
    if (me.teamId() != null) {
      return users.members(me.teamId());
    }
    return users.find(me.id()).stream().toList();
  }

  /** Moves a merged record's tasks to the survivor; running it again moves nothing. */
  @Transactional
  public int moveCustomer(CustomerId merged, CustomerId survivor) {
    return repository.moveCustomer(merged, survivor);
  }

  /** Deletes a deleted customer's tasks; running it again finds nothing. */
  @Transactional
  public int deleteCustomer(CustomerId customer) {
    return repository.deleteByCustomer(customer);
  }

  /** The result note as an interaction's outcome, shortened to fit. */
  private static @Nullable String outcome(@Nullable String result) {
    if (result == null || result.length() <= OUTCOME_MAX) {
      return result;
    }
    return result.substring(0, OUTCOME_MAX - 1) + "…";
  }

  Instant startOfTomorrow(Instant now) {
    return LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
  }

  private boolean canSee(Task task, CurrentUser me) {
    return task.assignee().equals(me.id())
        || me.id().equals(task.createdBy())
        || access.canRead(me, task.customer());
  }

  private boolean isTeamMateManagedBy(UserId user, CurrentUser me) {
    return me.hasRole(Role.MANAGER)
        && me.teamId() != null
        && users.find(user).map(u -> Objects.equals(u.teamId(), me.teamId())).orElse(false);
  }

  private void requireAssignable(UserId assignee, CurrentUser me) {
    if (assignee.equals(me.id())) {
      return;
    }
    UserSummary user =
        users
            .find(assignee)
            .filter(UserSummary::enabled)
            .orElseThrow(() -> ProblemException.invalid("assignee", "task.assignee.unknown"));
    boolean sameTeam = me.teamId() != null && me.teamId().equals(user.teamId());
    if (!me.hasRole(Role.ADMIN) && !sameTeam) {
      throw ProblemException.invalid("assignee", "task.assignee.otherTeam");
    }
  }

  private PageResult<TaskView> views(PageResult<Task> page) {
    Map<CustomerId, String> customerNames = new HashMap<>();
    Map<UserId, String> userNames = new HashMap<>();
    return page.map(
        t ->
            new TaskView(
                t,
                customerNames.computeIfAbsent(
                    t.customer(), c -> customers.find(c).map(CustomerSummary::name).orElse("—")),
                userNames.computeIfAbsent(
                    t.assignee(), u -> users.find(u).map(UserSummary::displayName).orElse("—"))));
  }
}
