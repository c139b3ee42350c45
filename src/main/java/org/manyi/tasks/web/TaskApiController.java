package org.manyi.tasks.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.UserId;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.manyi.tasks.TaskId;
import org.manyi.tasks.TaskPriority;
import org.manyi.tasks.TaskStatus;
import org.manyi.tasks.TaskType;
import org.manyi.tasks.internal.Due;
import org.manyi.tasks.internal.NewTask;
import org.manyi.tasks.internal.PostPurchaseCallbacks;
import org.manyi.tasks.internal.PostPurchaseRule;
import org.manyi.tasks.internal.Task;
import org.manyi.tasks.internal.TaskManagement;
import org.manyi.tasks.internal.TaskQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Follow-up tasks as JSON. A task the caller may not see answers 404. */
@RestController
@RequestMapping("/api/v1/tasks")
@PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
@Tag(name = "Tasks", description = "Follow-up tasks (回访/跟进) and the post-purchase callback rule")
class TaskApiController {

  private final TaskManagement tasks;
  private final PostPurchaseCallbacks postPurchase;
  private final Clock clock = Clock.systemUTC();

  TaskApiController(TaskManagement tasks, PostPurchaseCallbacks postPurchase) {
    this.tasks = tasks;
    this.postPurchase = postPurchase;
  }

  /**
   * The body of a new task; every field nullable so a missing one is named.
   *
   * @param assigneeId the caller when absent
   * @param priority NORMAL when absent
   */
  record TaskRequest(
      @Nullable UUID customerId,
      @Nullable TaskType type,
      @Nullable UUID assigneeId,
      @Nullable OffsetDateTime dueAt,
      @Nullable TaskPriority priority,
      @Nullable String notes) {}

  @PostMapping
  @Operation(summary = "Create a task (201) for a customer in the caller's scope")
  ResponseEntity<TaskResource> create(@RequestBody TaskRequest request, CurrentUser me) {
    if (request.customerId() == null) {
      throw ProblemException.invalid("customerId", "task.customer.required");
    }
    if (request.type() == null) {
      throw ProblemException.invalid("type", "task.type.required");
    }
    if (request.dueAt() == null) {
      throw ProblemException.invalid("dueAt", "task.dueAt.required");
    }
    Task task =
        tasks.create(
            new NewTask(
                new CustomerId(request.customerId()),
                request.type(),
                request.assigneeId() == null ? me.id() : new UserId(request.assigneeId()),
                request.dueAt().toInstant(),
                request.priority() == null ? TaskPriority.NORMAL : request.priority(),
                request.notes(),
                null),
            me);
    return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id()))
        .body(TaskResource.of(tasks.view(task.id(), me), clock.instant()));
  }

  @GetMapping
  @Operation(
      summary =
          "Tasks, paged. assignee: me (default), team (managers: their team; admins: everyone) or"
              + " a user ID; due: today, overdue, upcoming (open tasks only) or all; status and"
              + " customer narrow further. Sorted by due time, urgent first")
  PageResult<TaskResource> list(
      @RequestParam(required = false) @Nullable String assignee,
      @RequestParam(required = false) @Nullable String due,
      @RequestParam(required = false) @Nullable TaskStatus status,
      @RequestParam(required = false) @Nullable UUID customer,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size,
      CurrentUser me) {
    Due window = Due.parse(due);
    if (window == null) {
      throw ProblemException.invalid("due", "task.due.invalid");
    }
    TaskQuery query =
        new TaskQuery(
            tasks.assignees(assignee, me),
            window,
            status,
            customer == null ? null : new CustomerId(customer));
    var now = clock.instant();
    return tasks.list(query, PageRequest.of(page, size)).map(v -> TaskResource.of(v, now));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One task")
  TaskResource one(@PathVariable UUID id, CurrentUser me) {
    return TaskResource.of(tasks.view(new TaskId(id), me), clock.instant());
  }

  /** What came of a task. */
  record CompleteRequest(@Nullable String resultNote) {}

  @PostMapping("/{id}/complete")
  @Operation(
      summary =
          "Complete an open task with a result note (409 when not open); a callback logs an"
              + " outgoing phone interaction that counts as follow-up")
  TaskResource complete(
      @PathVariable UUID id,
      @RequestBody(required = false) @Nullable CompleteRequest request,
      Locale locale,
      CurrentUser me) {
    TaskId task = new TaskId(id);
    tasks.complete(task, request == null ? null : request.resultNote(), me, locale);
    return TaskResource.of(tasks.view(task, me), clock.instant());
  }

  /** Why a task is dropped. */
  record CancelRequest(@Nullable String reason) {}

  @PostMapping("/{id}/cancel")
  @Operation(summary = "Cancel an open task with a reason (409 when not open)")
  TaskResource cancel(
      @PathVariable UUID id,
      @RequestBody(required = false) @Nullable CancelRequest request,
      CurrentUser me) {
    TaskId task = new TaskId(id);
    tasks.cancel(task, request == null ? null : request.reason(), me);
    return TaskResource.of(tasks.view(task, me), clock.instant());
  }

  /** Who takes a task over. */
  record ReassignRequest(@Nullable UUID assigneeId) {}

  @PostMapping("/{id}/reassign")
  @Operation(
      summary =
          "Give an open task to another user of the caller's team (admins: anyone); 409 when not"
              + " open")
  TaskResource reassign(
      @PathVariable UUID id, @RequestBody ReassignRequest request, CurrentUser me) {
    TaskId task = new TaskId(id);
    tasks.reassign(
        task, request.assigneeId() == null ? null : new UserId(request.assigneeId()), me);
    return TaskResource.of(tasks.view(task, me), clock.instant());
  }

  /** The post-purchase callback rule as JSON; fields nullable so a missing one is named. */
  record RuleResource(
      @Nullable Boolean enabled, @Nullable BigDecimal minAmount, @Nullable Integer delayDays) {}

  @GetMapping("/post-purchase-rule")
  @Operation(summary = "The post-purchase callback rule")
  RuleResource rule() {
    PostPurchaseRule rule = postPurchase.rule();
    return new RuleResource(rule.enabled(), rule.minAmount(), rule.delayDays());
  }

  @PutMapping("/post-purchase-rule")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Change the post-purchase callback rule (admins)")
  RuleResource changeRule(@RequestBody RuleResource request, CurrentUser me) {
    if (request.enabled() == null) {
      throw ProblemException.invalid("enabled", "task.rule.enabled.required");
    }
    if (request.minAmount() == null) {
      throw ProblemException.invalid("minAmount", "task.rule.minAmount.invalid");
    }
    if (request.delayDays() == null) {
      throw ProblemException.invalid("delayDays", "task.rule.delayDays.range", 365);
    }
    PostPurchaseRule rule =
        postPurchase.change(
            PostPurchaseRule.of(request.enabled(), request.minAmount(), request.delayDays()), me);
    return new RuleResource(rule.enabled(), rule.minAmount(), rule.delayDays());
  }
}
