package org.manyi.cases.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.CaseId;
import org.manyi.cases.internal.Case;
import org.manyi.cases.internal.CaseCategories;
import org.manyi.cases.internal.CaseChannel;
import org.manyi.cases.internal.CaseFilter;
import org.manyi.cases.internal.CaseManagement;
import org.manyi.cases.internal.CaseStatus;
import org.manyi.cases.internal.CaseType;
import org.manyi.cases.internal.Level;
import org.manyi.cases.internal.NewCase;
import org.manyi.cases.internal.Priority;
import org.manyi.cases.internal.Reaction;
import org.manyi.cases.internal.Remedy;
import org.manyi.cases.internal.Visibility;
import org.manyi.customers.CustomerId;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.Users;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case pages: the list (with an htmx rows fragment), the new case form and the case page. */
@Controller
@RequestMapping("/cases")
@PreAuthorize("hasAuthority('PERM_CASES_READ')")
class CaseController {

  static final String LIST = "cases/list";
  static final String ROWS = "cases/list :: rows";
  static final String FORM = "cases/form";
  static final String DETAIL = "cases/detail";
  static final int PAGE_SIZE = 25;

  private final CaseManagement cases;
  private final CaseCategories categories;
  private final CaseViews views;
  private final Users users;

  CaseController(CaseManagement cases, CaseCategories categories, CaseViews views, Users users) {
    this.cases = cases;
    this.categories = categories;
    this.views = views;
    this.users = users;
  }

  /** One row of the list, with the names resolved. */
  record CaseRow(Case c, @Nullable String who, @Nullable String assignee, boolean alarming) {}

  @GetMapping
  String list(
      @RequestParam(required = false) @Nullable CaseStatus status,
      @RequestParam(required = false) @Nullable Priority priority,
      @RequestParam(required = false) @Nullable UUID queue,
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(defaultValue = "0") int page,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
      CurrentUser me,
      Model model) {
    CaseFilter filter = new CaseFilter(status, priority, queue, null, mine, overdue);
    PageResult<Case> result = cases.search(filter, new PageRequest(page, PAGE_SIZE), me);
    model.addAttribute(
        "cases",
        result.map(
            c ->
                new CaseRow(
                    c,
                    views.customerName(c),
                    views.userName(c.assigneeId()),
                    c.clock(cases.now(), cases.policy()).stream().anyMatch(d -> d.alarming()))));
    model.addAttribute("filter", filter);
    model.addAttribute("filtered", filter.narrowed());
    model.addAttribute("statuses", CaseStatus.values());
    model.addAttribute("priorities", Priority.values());
    model.addAttribute("queues", cases.queues());
    model.addAttribute("baseUrl", baseUrl(filter));
    return htmx != null ? ROWS : LIST;
  }

  private static String baseUrl(CaseFilter f) {
    StringBuilder url = new StringBuilder("/cases?");
    if (f.status() != null) {
      url.append("status=").append(f.status()).append('&');
    }
    if (f.priority() != null) {
      url.append("priority=").append(f.priority()).append('&');
    }
    if (f.queue() != null) {
      url.append("queue=").append(f.queue()).append('&');
    }
    if (f.mine()) {
      url.append("mine=true&");
    }
    if (f.overdue()) {
      url.append("overdue=true&");
    }
    return url.toString();
  }

  /** What the new case form holds, kept as typed when it is shown again with errors. */
  record CaseForm(
      @Nullable CaseType type,
      @Nullable CaseChannel channel,
      @Nullable String customerId,
      @Nullable String contactName,
      @Nullable String contactPhone,
      @Nullable String orderId,
      @Nullable String description,
      @Nullable String remedyRequested) {}

  @GetMapping("/new")
  String newForm(@RequestParam(required = false) @Nullable UUID customer, Model model) {
    model.addAttribute(
        "form",
        new CaseForm(
            CaseType.COMPLAINT,
            CaseChannel.PHONE,
            customer == null ? null : customer.toString(),
            null,
            null,
            null,
            null,
            null));
    return form(model, Map.of());
  }

  private String form(Model model, Map<String, String> errors) {
    model.addAttribute("errors", errors);
    model.addAttribute("types", CaseType.values());
    model.addAttribute("channels", CaseChannel.values());
    return FORM;
  }

  @PostMapping
  String create(CaseForm form, CurrentUser me, Model model, RedirectAttributes flash) {
    Map<String, String> errors = new LinkedHashMap<>();
    UUID customer = uuid(form.customerId(), "customerId", errors);
    UUID order = uuid(form.orderId(), "orderId", errors);
    if (form.type() == null) {
      errors.put("type", "case.type.required");
    }
    if (form.channel() == null) {
      errors.put("channel", "case.channel.required");
    }
    if (!errors.isEmpty()) {
      model.addAttribute("form", form);
      return form(model, errors);
    }
    try {
      Case c =
          cases.open(
              new NewCase(
                  form.type(),
                  form.channel(),
                  customer == null ? null : new CustomerId(customer),
                  blankToNull(form.contactName()),
                  blankToNull(form.contactPhone()),
                  order,
                  form.description() == null ? "" : form.description().strip(),
                  blankToNull(form.remedyRequested())),
              me);
      flash.addFlashAttribute("flashSuccess", "case.created");
      flash.addFlashAttribute("flashArg", c.number());
      return "redirect:/cases/" + c.id();
    } catch (ProblemException e) {
      ProblemException.FieldProblem field = e.firstField();
      errors.put(
          field == null ? "description" : field.field(), field == null ? e.code() : field.code());
      model.addAttribute("form", form);
      return form(model, errors);
    }
  }

  private static @Nullable UUID uuid(
      @Nullable String value, String field, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      errors.put(field, "case.id.invalid");
      return null;
    }
  }

  @GetMapping("/{id}")
  String detail(@PathVariable UUID id, CurrentUser me, Model model, Locale locale) {
    Case c = cases.get(new CaseId(id), me);
    model.addAttribute("c", c);
    model.addAttribute("who", views.customerName(c));
    model.addAttribute("assignee", views.userName(c.assigneeId()));
    model.addAttribute("categoryName", categories.name(c.category(), locale));
    model.addAttribute("clock", c.clock(cases.now(), cases.policy()));
    model.addAttribute("history", views.history(cases.history(c.id(), me)));
    model.addAttribute("actions", c.allowedActions());
    model.addAttribute("mayApprove", cases.mayApprove(me, c));
    model.addAttribute("pendingByName", views.userName(c.pendingBy()));
    model.addAttribute("categories", categories.active());
    model.addAttribute("levels", Level.values());
    model.addAttribute("remedies", Remedy.values());
    model.addAttribute("reactions", Reaction.values());
    model.addAttribute("queues", cases.queues());
    model.addAttribute(
        "members", c.teamId() == null ? java.util.List.of() : users.members(c.teamId()));
    return DETAIL;
  }

  @PostMapping("/{id}/acknowledge")
  String acknowledge(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String message,
      CurrentUser me,
      RedirectAttributes flash) {
    return act(id, flash, () -> cases.acknowledge(new CaseId(id), message, me));
  }

  @PostMapping("/{id}/assess")
  String assess(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String category,
      @RequestParam(required = false) @Nullable Level severity,
      @RequestParam(required = false) @Nullable Level urgency,
      CurrentUser me,
      RedirectAttributes flash) {
    return act(id, flash, () -> cases.assess(new CaseId(id), category, severity, urgency, me));
  }

  @PostMapping("/{id}/assign")
  String assign(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable UUID queue,
      @RequestParam(required = false) @Nullable UUID assigneeId,
      @RequestParam(required = false) @Nullable String reason,
      CurrentUser me,
      RedirectAttributes flash) {
    return act(id, flash, () -> cases.assign(new CaseId(id), queue, assigneeId, reason, me));
  }

  @PostMapping("/{id}/respond")
  String respond(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable Remedy remedy,
      @RequestParam(required = false) @Nullable String message,
      @RequestParam(required = false) java.math.@Nullable BigDecimal amount,
      CurrentUser me,
      RedirectAttributes flash) {
    return act(id, flash, () -> cases.respond(new CaseId(id), remedy, message, amount, me));
  }

  @PostMapping("/{id}/remedy-approval")
  String decideRemedy(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable Boolean approved,
      @RequestParam(required = false) @Nullable String note,
      CurrentUser me,
      RedirectAttributes flash) {
    return act(id, flash, () -> cases.decideRemedy(new CaseId(id), approved, note, me));
  }

  @PostMapping("/{id}/reaction")
  String reaction(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable Reaction reaction,
      @RequestParam(required = false) @Nullable String note,
      CurrentUser me,
      RedirectAttributes flash) {
    return act(id, flash, () -> cases.reaction(new CaseId(id), reaction, note, me));
  }

  @PostMapping("/{id}/close")
  String close(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String rootCause,
      @RequestParam(required = false) @Nullable String correctiveAction,
      CurrentUser me,
      RedirectAttributes flash) {
    return act(id, flash, () -> cases.close(new CaseId(id), rootCause, correctiveAction, me));
  }

  @PostMapping("/{id}/reopen")
  String reopen(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String reason,
      CurrentUser me,
      RedirectAttributes flash) {
    return act(id, flash, () -> cases.reopen(new CaseId(id), reason, me));
  }

  @PostMapping("/{id}/escalate")
  String escalate(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String reason,
      CurrentUser me,
      RedirectAttributes flash) {
    return act(id, flash, () -> cases.escalate(new CaseId(id), reason, me));
  }

  @PostMapping("/{id}/extend")
  String extend(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable Integer hours,
      @RequestParam(required = false) @Nullable String reason,
      CurrentUser me,
      RedirectAttributes flash) {
    return act(id, flash, () -> cases.extend(new CaseId(id), hours, reason, me));
  }

  @PostMapping("/{id}/notes")
  String note(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String text,
      @RequestParam(required = false) @Nullable Visibility visibility,
      CurrentUser me,
      RedirectAttributes flash) {
    return act(id, flash, () -> cases.note(new CaseId(id), text, visibility, me));
  }

  private String act(UUID id, RedirectAttributes flash, Runnable action) {
    try {
      action.run();
      flash.addFlashAttribute("flashSuccess", "case.saved");
    } catch (ProblemException e) {
      if (e.status().value() == 404) {
        throw e;
      }
      ProblemException.FieldProblem field = e.firstField();
      flash.addFlashAttribute("flashError", field == null ? e.code() : field.code());
    }
    return "redirect:/cases/" + id;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
