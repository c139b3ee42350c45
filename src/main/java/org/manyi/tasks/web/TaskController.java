package org.manyi.tasks.web;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerSummary;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.Role;
import org.manyi.identity.UserId;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.tasks.TaskId;
import org.manyi.tasks.TaskPriority;
import org.manyi.tasks.TaskStatus;
import org.manyi.tasks.TaskType;
import org.manyi.tasks.internal.Due;
import org.manyi.tasks.internal.NewTask;
import org.manyi.tasks.internal.Task;
import org.manyi.tasks.internal.TaskManagement;
import org.manyi.tasks.internal.TaskQuery;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task pages: my tasks (today, overdue, upcoming, done), the team view for managers, the task
 * form, the complete dialog, cancel and reassign, and the reminders (a badge in the top bar and a
 * list).
 */
@Controller
@RequestMapping("/tasks")
@PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
class TaskController {

  static final String LIST = "tasks/list";
  static final String ROWS = "tasks/list :: rows";
  static final String FORM = "tasks/form";
  static final String COMPLETE = "tasks/complete";
  static final String COMPLETE_DIALOG = "tasks/complete :: dialog";
  static final String REMINDERS = "tasks/reminders";
  static final String BADGE = "tasks/reminders :: badge";

  static final int PAGE_SIZE = 25;

  /** The tabs of a task list; {@code done} shows finished tasks. */
  static final Set<String> TABS = Set.of("today", "overdue", "upcoming", "done");

  private final TaskManagement tasks;
  private final Clock clock = Clock.systemUTC();

  TaskController(TaskManagement tasks) {
    this.tasks = tasks;
  }

  @GetMapping
  String mine(
      @RequestParam(defaultValue = "today") String tab,
      @RequestParam(defaultValue = "0") int page,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
      CurrentUser me,
      Model model) {
    return list(tab, page, Set.of(me.id()), false, null, htmx, me, model);
  }

  @GetMapping("/team")
  @PreAuthorize("hasRole('MANAGER') or hasRole('ADMIN')")
  String team(
      @RequestParam(defaultValue = "today") String tab,
      @RequestParam(required = false) @Nullable String assignee,
      @RequestParam(defaultValue = "0") int page,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
      CurrentUser me,
      Model model) {
    String who = assignee == null || assignee.isBlank() ? "team" : assignee;
    model.addAttribute("members", tasks.assignable(me));
    return list(tab, page, tasks.assignees(who, me), true, assignee, htmx, me, model);
  }

  private String list(
      String tab,
      int page,
      @Nullable Set<UserId> assignees,
      boolean team,
      @Nullable String assignee,
      @Nullable String htmx,
      CurrentUser me,
      Model model) {
    String current = TABS.contains(tab) ? tab : "today";
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String t : new String[] {"today", "overdue", "upcoming"}) {
      counts.put(t, tasks.list(query(t, assignees), new PageRequest(0, 1)).total());
    }
    model.addAttribute("tab", current);
    model.addAttribute("counts", counts);
    model.addAttribute("team", team);
    model.addAttribute("assignee", assignee);
    model.addAttribute("now", clock.instant());
    model.addAttribute(
        "tasks", tasks.list(query(current, assignees), new PageRequest(page, PAGE_SIZE)));
    model.addAttribute(
        "baseUrl",
        (team ? "/tasks/team?" : "/tasks?")
            + "tab="
            + current
            + "&"
            + (assignee == null ? "" : "assignee=" + assignee + "&"));
    return htmx != null ? ROWS : LIST;
  }

  private static TaskQuery query(String tab, @Nullable Set<UserId> assignees) {
    return tab.equals("done")
        ? new TaskQuery(assignees, Due.ALL, TaskStatus.DONE, null)
        : new TaskQuery(assignees, Due.valueOf(tab.toUpperCase(Locale.ROOT)), null, null);
  }

  @GetMapping("/new")
  String newForm(
      @RequestParam(required = false) @Nullable UUID customer, CurrentUser me, Model model) {
    model.addAttribute("form", TaskForm.empty(me.id(), clock.instant(), tasks.zone()));
    return form(
        customer == null ? null : tasks.customer(new CustomerId(customer), me),
        Map.of(),
        me,
        model);
  }

  @PostMapping("/new")
  String create(
      @RequestParam UUID customer,
      @ModelAttribute("form") TaskForm form,
      CurrentUser me,
      Model model,
      RedirectAttributes flash) {
    CustomerSummary summary = tasks.customer(new CustomerId(customer), me);
    Map<String, String> errors = new LinkedHashMap<>();
    NewTask input = form.toNew(summary.id(), tasks.zone(), errors);
    if (input == null) {
      return form(summary, errors, me, model);
    }
    try {
      tasks.create(input, me);
    } catch (ProblemException e) {
      if (e.firstField() == null) {
        throw e;
      }
      errors.put(e.firstField().field(), e.firstField().code());
      return form(summary, errors, me, model);
    }
    flash.addFlashAttribute("flashSuccess", "task.created");
    return "redirect:/tasks?tab=" + tabOf(input.dueAt());
  }

  private String tabOf(Instant due) {
    Instant now = clock.instant();
    if (due.isBefore(now)) {
      return "overdue";
    }
    return due.isBefore(
            now.atZone(tasks.zone())
                .toLocalDate()
                .plusDays(1)
                .atStartOfDay(tasks.zone())
                .toInstant())
        ? "today"
        : "upcoming";
  }

  private String form(
      @Nullable CustomerSummary customer, Map<String, String> errors, CurrentUser me, Model model) {
    model.addAttribute("customer", customer);
    model.addAttribute("errors", errors);
    model.addAttribute("types", TaskType.values());
    model.addAttribute("priorities", TaskPriority.values());
    model.addAttribute("assignable", tasks.assignable(me));
    return FORM;
  }

  @GetMapping("/{id}/complete")
  String completeDialog(
      @PathVariable UUID id,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
      CurrentUser me,
      Model model) {
    model.addAttribute("view", tasks.view(new TaskId(id), me));
    model.addAttribute("errors", Map.of());
    model.addAttribute("resultNote", "");
    return htmx != null ? COMPLETE_DIALOG : COMPLETE;
  }

  @PostMapping("/{id}/complete")
  String complete(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String resultNote,
      CurrentUser me,
      Locale locale,
      Model model,
      RedirectAttributes flash) {
    TaskId task = new TaskId(id);
    try {
      Task done = tasks.complete(task, resultNote, me, locale);
      flash.addFlashAttribute(
          "flashSuccess", done.interaction() != null ? "task.completed.logged" : "task.completed");
      return "redirect:/tasks";
    } catch (ProblemException e) {
      if (e.firstField() == null) {
        flash.addFlashAttribute("flashError", e.code());
        return "redirect:/tasks";
      }
      model.addAttribute("view", tasks.view(task, me));
      model.addAttribute("errors", Map.of(e.firstField().field(), e.firstField().code()));
      model.addAttribute("resultNote", resultNote == null ? "" : resultNote);
      return COMPLETE;
    }
  }

  @PostMapping("/{id}/cancel")
  String cancel(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String reason,
      CurrentUser me,
      RedirectAttributes flash) {
    try {
      tasks.cancel(new TaskId(id), reason, me);
      flash.addFlashAttribute("flashSuccess", "task.cancelled");
    } catch (ProblemException e) {
      flash.addFlashAttribute(
          "flashError", e.firstField() == null ? e.code() : e.firstField().code());
    }
    return "redirect:/tasks";
  }

  @PostMapping("/{id}/reassign")
  String reassign(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable UUID assignee,
      CurrentUser me,
      RedirectAttributes flash) {
    try {
      tasks.reassign(new TaskId(id), assignee == null ? null : new UserId(assignee), me);
      flash.addFlashAttribute("flashSuccess", "task.reassigned");
    } catch (ProblemException e) {
      flash.addFlashAttribute(
          "flashError", e.firstField() == null ? e.code() : e.firstField().code());
    }
    return me.hasRole(Role.MANAGER) || me.hasRole(Role.ADMIN)
        ? "redirect:/tasks/team"
        : "redirect:/tasks";
  }

  @GetMapping("/reminders")
  String reminders(CurrentUser me, Model model) {
    Set<UserId> mine = Set.of(me.id());
    model.addAttribute("now", clock.instant());
    model.addAttribute(
        "overdue",
        tasks.list(new TaskQuery(mine, Due.OVERDUE, null, null), new PageRequest(0, 100)));
    model.addAttribute(
        "today", tasks.list(new TaskQuery(mine, Due.TODAY, null, null), new PageRequest(0, 100)));
    return REMINDERS;
  }

  @GetMapping("/reminders/badge")
  String badge(CurrentUser me, Model model) {
    model.addAttribute("count", tasks.reminders(me));
    return BADGE;
  }
}
