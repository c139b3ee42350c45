package org.manyi.customers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.customers.LifecycleStage;
import org.manyi.customers.TimelineEntry;
import org.manyi.customers.internal.AuditAction;
import org.manyi.customers.internal.Customer;
import org.manyi.customers.internal.CustomerFilter;
import org.manyi.customers.internal.CustomerManagement;
import org.manyi.customers.internal.CustomerSort;
import org.manyi.customers.internal.CustomerTimeline;
import org.manyi.customers.internal.DuplicateReason;
import org.manyi.customers.internal.MergeChoice;
import org.manyi.customers.internal.SourceChannel;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers as JSON. Every call works within the caller's data scope: a customer outside it answers
 * 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/v1/customers")
@PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
@Tag(name = "Customers", description = "Customer records, search, duplicates and the timeline")
class CustomerApiController {

  private final CustomerManagement customers;
  private final CustomerTimeline timeline;
  private final CustomerViews views;

  CustomerApiController(
      CustomerManagement customers, CustomerTimeline timeline, CustomerViews views) {
    this.customers = customers;
    this.timeline = timeline;
    this.views = views;
  }

  @PostMapping
  @Operation(
      summary =
          "Create a customer (201); a likely duplicate answers 409 of type duplicate-customer"
              + " listing the candidates, unless allowDuplicate=true")
  ResponseEntity<CustomerResource> create(
      @RequestBody CustomerRequest request,
      @RequestParam(defaultValue = "false") boolean allowDuplicate,
      CurrentUser me) {
    Customer customer = customers.register(request.edit(), allowDuplicate, me);
    return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.id()))
        .body(views.resource(customer, false));
  }

  @GetMapping
  @Operation(
      summary =
          "Customers, paged. q finds by name (characters, pinyin, initials), phone or its last"
              + " four digits, email or external ID")
  PageResult<CustomerListItem> list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable LifecycleStage stage,
      @RequestParam(required = false) @Nullable String tag,
      @RequestParam(required = false) @Nullable UUID owner,
      @RequestParam(required = false) @Nullable UUID team,
      @RequestParam(required = false) @Nullable String city,
      @RequestParam(required = false) @Nullable SourceChannel source,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate createdFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate createdTo,
      @RequestParam(defaultValue = "created") String sort,
      @RequestParam(defaultValue = "true") boolean desc,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size,
      @RequestParam(required = false) @Nullable String field,
      @RequestParam(required = false) @Nullable String fieldValue,
      CurrentUser me) {
    CustomerFilter filter =
        new CustomerFilter(
            q, stage, tag, owner, team, city, source, createdFrom, createdTo, field, fieldValue);
    return views.items(
        customers.search(filter, CustomerSort.parse(sort), desc, PageRequest.of(page, size), me));
  }

  /** A customer named in a pair of suspected duplicates. */
  record CustomerRef(UUID id, String name, @Nullable String city) {}

  /** Two records that look like one customer, and why. */
  record SuspectedDuplicateResource(
      CustomerRef first, CustomerRef second, Set<DuplicateReason> reasons) {}

  @GetMapping("/duplicates")
  @Operation(
      summary =
          "Pairs of suspected duplicates within the caller's scope (shared phone, email or"
              + " external ID, or same name and birthday), for data stewards")
  List<SuspectedDuplicateResource> duplicates(CurrentUser me) {
    return customers.suspectedDuplicates(100, me).stream()
        .map(d -> new SuspectedDuplicateResource(ref(d.first()), ref(d.second()), d.reasons()))
        .toList();
  }

  private static CustomerRef ref(Customer c) {
    return new CustomerRef(c.id().value(), c.profile().name(), c.profile().city());
  }

  @GetMapping("/{id}")
  @Operation(summary = "One customer, contacts masked")
  CustomerResource one(@PathVariable UUID id, CurrentUser me) {
    return views.resource(customers.get(new CustomerId(id), me), false);
  }

  @PostMapping("/{id}/reveal")
  @PreAuthorize("hasAuthority('PERM_CUSTOMERS_REVEAL')")
  @Operation(summary = "One customer with contacts unmasked; writes an audit record")
  CustomerResource reveal(@PathVariable UUID id, CurrentUser me) {
    return views.resource(customers.reveal(new CustomerId(id), me), true);
  }

  @PatchMapping("/{id}")
  @Operation(summary = "Change a customer; absent fields stay, empty strings clear")
  CustomerResource change(
      @PathVariable UUID id, @RequestBody CustomerRequest request, CurrentUser me) {
    return views.resource(customers.change(new CustomerId(id), request.edit(), me), false);
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a customer (204)")
  ResponseEntity<Void> delete(@PathVariable UUID id, CurrentUser me) {
    customers.delete(new CustomerId(id), me);
    return ResponseEntity.noContent().build();
  }

  /**
   * What to merge into a customer.
   *
   * @param sourceId the record that is merged away (deleted)
   * @param fields the fields whose value comes from the source; others keep the survivor's
   */
  record MergeRequest(@Nullable UUID sourceId, @Nullable List<String> fields) {}

  @PostMapping("/{id}/merge")
  @Operation(
      summary =
          "Merge another record (sourceId) into this one; contacts, tags and consents are united,"
              + " the source is deleted and every module moves its records")
  CustomerResource merge(@PathVariable UUID id, @RequestBody MergeRequest request, CurrentUser me) {
    if (request.sourceId() == null) {
      throw ProblemException.invalid("sourceId", "customer.merge.sourceRequired");
    }
    return views.resource(
        customers.merge(
            new CustomerId(id),
            new CustomerId(request.sourceId()),
            MergeChoice.of(request.fields() == null ? List.of() : request.fields()),
            me),
        false);
  }

  @GetMapping("/{id}/timeline")
  @Operation(summary = "The customer's timeline from every module, newest first")
  List<TimelineEntry> timeline(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String type,
      @RequestParam(defaultValue = "50") int limit,
      Locale locale,
      CurrentUser me) {
    return timeline.entries(new CustomerId(id), type, limit, locale, me);
  }

  @GetMapping("/audit")
  @PreAuthorize("hasAuthority('PERM_AUDIT_READ')")
  @Operation(
      summary = "The audit trail of customer data (reveals, changes, deletions), newest first")
  PageResult<AuditResource> audit(
      @RequestParam(required = false) @Nullable AuditAction action,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size) {
    return customers.auditTrail(action, PageRequest.of(page, size)).map(AuditResource::of);
  }
}
