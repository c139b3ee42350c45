package org.manyi.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
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
import org.manyi.cases.internal.Category;
import org.manyi.cases.internal.Level;
import org.manyi.cases.internal.NewCase;
import org.manyi.cases.internal.Priority;
import org.manyi.cases.internal.Reaction;
import org.manyi.cases.internal.Remedy;
import org.manyi.cases.internal.SlaMonitor;
import org.manyi.cases.internal.Visibility;
import org.manyi.customers.CustomerId;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
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

/**
 * Cases as JSON. Every call works within the caller's scope: a case outside it answers 404. An
 * action the case's status does not allow answers 409 of type {@code illegal-transition}.
 */
@RestController
@RequestMapping("/api/v1/cases")
@PreAuthorize("hasAuthority('PERM_CASES_READ')")
@Tag(name = "Cases", description = "Feedback and complaint cases, their process and deadlines")
class CaseApiController {

  private final CaseManagement cases;
  private final CaseCategories categories;
  private final SlaMonitor monitor;
  private final CaseViews views;

  CaseApiController(
      CaseManagement cases, CaseCategories categories, SlaMonitor monitor, CaseViews views) {
    this.cases = cases;
    this.categories = categories;
    this.monitor = monitor;
    this.views = views;
  }

  /**
   * A new case. Either {@code customerId} or, for an unidentified contact, {@code contactName}.
   *
   * @param orderId the related order's ID, if any
   */
  record CaseRequest(
      @Nullable CaseType type,
      @Nullable UUID customerId,
      @Nullable String contactName,
      @Nullable String contactPhone,
      @Nullable CaseChannel channel,
      @Nullable UUID orderId,
      @Nullable String description,
      @Nullable String remedyRequested) {

    NewCase toNewCase() {
      if (type == null) {
        throw ProblemException.invalid("type", "case.type.required");
      }
      if (channel == null) {
        throw ProblemException.invalid("channel", "case.channel.required");
      }
      return new NewCase(
          type,
          channel,
          customerId == null ? null : new CustomerId(customerId),
          contactName,
          contactPhone,
          orderId,
          description == null ? "" : description.strip(),
          remedyRequested == null || remedyRequested.isBlank() ? null : remedyRequested.strip());
    }
  }

  record MessageRequest(@Nullable String message) {}

  record AssessRequest(
      @Nullable String category, @Nullable Level severity, @Nullable Level urgency) {}

  /**
   * @param queue the team ID
   * @param assigneeId a member of the team; absent: the next member in turn (round-robin)
   * @param reason required when the case already has another assignee
   */
  record AssignRequest(@Nullable UUID queue, @Nullable UUID assigneeId, @Nullable String reason) {}

  /**
   * @param amount the remedy's value (yuan, or points); required for remedies with an approval
   *     threshold (refund, replacement, repair, points)
   */
  record RespondRequest(
      @Nullable Remedy remedy, @Nullable String message, @Nullable BigDecimal amount) {}

  /**
   * @param approved whether the remedy may be proposed to the customer
   * @param note required when refused
   */
  record ApprovalRequest(@Nullable Boolean approved, @Nullable String note) {}

  record ReactionRequest(@Nullable Reaction reaction, @Nullable String note) {}

  record CloseRequest(@Nullable String rootCause, @Nullable String correctiveAction) {}

  record ReasonRequest(@Nullable String reason) {}

  record ExtendRequest(@Nullable Integer hours, @Nullable String reason) {}

  record NoteRequest(@Nullable String text, @Nullable Visibility visibility) {}

  record CategoryRequest(
      @Nullable String nameZh,
      @Nullable String nameEn,
      @Nullable Boolean urgent,
      @Nullable Boolean active,
      @Nullable Integer position) {}

  @PostMapping
  @Operation(summary = "Record a case (201); it gets a number such as C20261123-0001")
  ResponseEntity<CaseResource> create(@RequestBody CaseRequest request, CurrentUser me) {
    Case c = cases.open(request.toNewCase(), me);
    return ResponseEntity.created(URI.create("/api/v1/cases/" + c.id())).body(views.resource(c));
  }

  @GetMapping
  @Operation(
      summary =
          "Cases within the caller's scope, newest first, paged; queue is a team ID, assignee a"
              + " user ID")
  PageResult<CaseResource> list(
      @RequestParam(required = false) @Nullable CaseStatus status,
      @RequestParam(required = false) @Nullable Priority priority,
      @RequestParam(required = false) @Nullable UUID queue,
      @RequestParam(required = false) @Nullable UUID assignee,
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size,
      CurrentUser me) {
    return cases
        .search(
            new CaseFilter(status, priority, queue, assignee, mine, overdue),
            PageRequest.of(page, size),
            me)
        .map(views::resource);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One case with its status and clock")
  CaseResource one(@PathVariable UUID id, CurrentUser me) {
    return views.resource(cases.get(new CaseId(id), me));
  }

  @GetMapping("/{id}/history")
  @Operation(
      summary =
          "The case's append-only history (status changes, messages, internal notes, deadlines)")
  List<CaseViews.HistoryResource> history(@PathVariable UUID id, CurrentUser me) {
    return views.history(cases.history(new CaseId(id), me));
  }

  @PostMapping("/{id}/acknowledge")
  @Operation(summary = "Acknowledge receipt to the customer (RECEIVED → ACKNOWLEDGED)")
  CaseResource acknowledge(
      @PathVariable UUID id,
      @RequestBody(required = false) @Nullable MessageRequest request,
      CurrentUser me) {
    return views.resource(
        cases.acknowledge(new CaseId(id), request == null ? null : request.message(), me));
  }

  @PostMapping("/{id}/assess")
  @Operation(
      summary =
          "Set category, severity and urgency (LOW, MEDIUM, HIGH); the priority follows, safety and"
              + " legal categories force P1 and raise an alert")
  CaseResource assess(@PathVariable UUID id, @RequestBody AssessRequest request, CurrentUser me) {
    return views.resource(
        cases.assess(
            new CaseId(id), request.category(), request.severity(), request.urgency(), me));
  }

  @PostMapping("/{id}/assign")
  @Operation(summary = "Put the case in a team queue with one assignee (round-robin when absent)")
  CaseResource assign(@PathVariable UUID id, @RequestBody AssignRequest request, CurrentUser me) {
    return views.resource(
        cases.assign(new CaseId(id), request.queue(), request.assigneeId(), request.reason(), me));
  }

  @PostMapping("/{id}/respond")
  @Operation(
      summary =
          "Propose a remedy to the customer; the resolution clock pauses. A remedy above its"
              + " approval threshold waits for a supervisor (pendingRemedy) instead")
  CaseResource respond(@PathVariable UUID id, @RequestBody RespondRequest request, CurrentUser me) {
    return views.resource(
        cases.respond(new CaseId(id), request.remedy(), request.message(), request.amount(), me));
  }

  @PostMapping("/{id}/remedy-approval")
  @Operation(
      summary =
          "A supervisor (manager of the case's team, or admin) approves the pending remedy, which"
              + " then goes to the customer, or refuses it with a note; 403 for anyone else, 409"
              + " when nothing is pending or for one's own request")
  CaseResource decideRemedy(
      @PathVariable UUID id, @RequestBody ApprovalRequest request, CurrentUser me) {
    return views.resource(
        cases.decideRemedy(new CaseId(id), request.approved(), request.note(), me));
  }

  @PostMapping("/{id}/reaction")
  @Operation(summary = "Record the customer's reaction; REJECTED escalates the case")
  CaseResource reaction(
      @PathVariable UUID id, @RequestBody ReactionRequest request, CurrentUser me) {
    return views.resource(cases.reaction(new CaseId(id), request.reaction(), request.note(), me));
  }

  @PostMapping("/{id}/close")
  @Operation(summary = "Close the case; 409 until the customer's reaction is recorded")
  CaseResource close(
      @PathVariable UUID id,
      @RequestBody(required = false) @Nullable CloseRequest request,
      CurrentUser me) {
    return views.resource(
        cases.close(
            new CaseId(id),
            request == null ? null : request.rootCause(),
            request == null ? null : request.correctiveAction(),
            me));
  }

  @PostMapping("/{id}/reopen")
  @Operation(summary = "Reopen a closed case under the same number, within the reopen window")
  CaseResource reopen(@PathVariable UUID id, @RequestBody ReasonRequest request, CurrentUser me) {
    return views.resource(cases.reopen(new CaseId(id), request.reason(), me));
  }

  @PostMapping("/{id}/escalate")
  @Operation(summary = "Escalate the case one level, with a reason")
  CaseResource escalate(@PathVariable UUID id, @RequestBody ReasonRequest request, CurrentUser me) {
    return views.resource(cases.escalate(new CaseId(id), request.reason(), me));
  }

  @PostMapping("/{id}/extend")
  @Operation(summary = "Move the resolution deadline later by some hours, with a reason")
  CaseResource extend(@PathVariable UUID id, @RequestBody ExtendRequest request, CurrentUser me) {
    return views.resource(cases.extend(new CaseId(id), request.hours(), request.reason(), me));
  }

  @PostMapping("/{id}/notes")
  @Operation(summary = "Add an internal note (default) or a message to the customer")
  CaseResource note(@PathVariable UUID id, @RequestBody NoteRequest request, CurrentUser me) {
    return views.resource(cases.note(new CaseId(id), request.text(), request.visibility(), me));
  }

  @GetMapping("/categories")
  @Operation(summary = "The case category taxonomy, inactive entries included")
  List<Category> categories() {
    return categories.all();
  }

  @PutMapping("/categories/{code}")
  @PreAuthorize("hasAuthority('PERM_CASES_MANAGE')")
  @Operation(summary = "Add or change a category of the taxonomy")
  Category saveCategory(@PathVariable String code, @RequestBody CategoryRequest request) {
    return categories.save(
        code,
        request.nameZh(),
        request.nameEn(),
        Boolean.TRUE.equals(request.urgent()),
        !Boolean.FALSE.equals(request.active()),
        request.position());
  }

  @PostMapping("/sla-check")
  @PreAuthorize("hasAuthority('PERM_CASES_MANAGE')")
  @Operation(summary = "Escalate every case with a breached deadline now (the scheduled check)")
  Map<String, Integer> slaCheck() {
    return Map.of("escalated", monitor.escalateBreached(java.time.Clock.systemUTC()));
  }
}
