package org.manyi.customers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.customers.internal.CustomerFilter;
import org.manyi.customers.internal.CustomerManagement;
import org.manyi.customers.internal.CustomerPool;
import org.manyi.customers.internal.CustomerSort;
import org.manyi.customers.internal.PoolRule;
import org.manyi.identity.CurrentUser;
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

/** The public pool (公海) as JSON: list, claim, release, assignment history and the rules. */
@RestController
@RequestMapping("/api/v1/customers")
@PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
@Tag(name = "Public pool", description = "Customers without an active owner, claims and rules")
class CustomerPoolApiController {

  private final CustomerPool pool;
  private final CustomerManagement customers;
  private final CustomerViews views;

  CustomerPoolApiController(CustomerPool pool, CustomerManagement customers, CustomerViews views) {
    this.pool = pool;
    this.customers = customers;
    this.views = views;
  }

  /** A release's reason. */
  record ReleaseRequest(@Nullable String note) {}

  @GetMapping("/pool")
  @Operation(summary = "Customers in the public pool, paged; q searches as in the customer list")
  PageResult<CustomerListItem> list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size,
      CurrentUser me) {
    CustomerFilter filter =
        new CustomerFilter(
            q == null || q.isBlank() ? null : q.strip(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    return views.items(
        pool.list(filter, CustomerSort.parse("created"), true, PageRequest.of(page, size), me));
  }

  @GetMapping("/pool/allowance")
  @Operation(summary = "How many pool customers the caller has claimed today, and the limit")
  CustomerPool.Allowance allowance(CurrentUser me) {
    return pool.allowance(me);
  }

  @PostMapping("/{id}/claim")
  @Operation(
      summary =
          "Claim a pool customer: the caller becomes its owner (409 not-in-pool, 409"
              + " claim-limit)")
  CustomerResource claim(@PathVariable UUID id, CurrentUser me) {
    pool.claim(new CustomerId(id), me);
    return views.resource(customers.get(new CustomerId(id), me), false);
  }

  @PostMapping("/{id}/release")
  @Operation(summary = "Give a customer back to the public pool (204)")
  ResponseEntity<Void> release(
      @PathVariable UUID id,
      @RequestBody(required = false) @Nullable ReleaseRequest request,
      CurrentUser me) {
    pool.release(new CustomerId(id), request == null ? null : request.note(), me);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/assignments")
  @Operation(summary = "Every change of the customer's owner, newest first")
  List<AssignmentView> assignments(@PathVariable UUID id, CurrentUser me) {
    CustomerId customer = new CustomerId(id);
    customers.get(customer, me);
    return views.assignments(pool.history(customer));
  }

  @GetMapping("/pool/rules")
  @Operation(summary = "The pool rules: the default one (teamId absent) and those of teams")
  List<PoolRuleResource> rules() {
    return pool.rules().stream().map(PoolRuleResource::of).toList();
  }

  @PutMapping("/pool/rules")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Set the default rule (no teamId) or a team's rule (admins)")
  PoolRuleResource save(@RequestBody PoolRuleResource request) {
    PoolRule rule = request.rule();
    pool.save(rule);
    return PoolRuleResource.of(rule);
  }

  @PostMapping("/pool/sweeps")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Return customers without follow-up to the pool now (admins)")
  Map<String, Integer> sweep() {
    return Map.of("returned", pool.returnIdle(Instant.now()));
  }
}
