package org.manyi.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.internal.AssignmentStrategy;
import org.manyi.cases.internal.CaseChannel;
import org.manyi.cases.internal.CaseManagement;
import org.manyi.cases.internal.CaseRouting;
import org.manyi.cases.internal.RoutingRule;
import org.manyi.customers.LifecycleStage;
import org.manyi.platform.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Routing rules as JSON: read by anyone working cases, changed by case managers. */
@RestController
@RequestMapping("/api/v1/cases/routing-rules")
@PreAuthorize("hasAuthority('PERM_CASES_READ')")
@Tag(name = "Case routing", description = "Rules sending cases to team queues")
class CaseRoutingApiController {

  private final CaseRouting routing;
  private final CaseManagement cases;

  CaseRoutingApiController(CaseRouting routing, CaseManagement cases) {
    this.routing = routing;
    this.cases = cases;
  }

  /**
   * A rule as the API shows it.
   *
   * @param category a category code; absent matches any
   * @param channel absent matches any
   * @param stage the customer's lifecycle stage; absent matches any
   * @param team the team whose queue receives matching cases
   * @param strategy {@code ROUND_ROBIN} or {@code LEAST_LOADED}
   */
  record RuleResource(
      UUID id,
      int position,
      @Nullable String category,
      @Nullable CaseChannel channel,
      @Nullable LifecycleStage stage,
      UUID team,
      @Nullable String teamName,
      AssignmentStrategy strategy,
      boolean active) {}

  record RuleRequest(
      @Nullable Integer position,
      @Nullable String category,
      @Nullable CaseChannel channel,
      @Nullable LifecycleStage stage,
      @Nullable UUID team,
      @Nullable AssignmentStrategy strategy,
      @Nullable Boolean active) {}

  private RuleResource resource(RoutingRule r) {
    return new RuleResource(
        r.id(),
        r.position(),
        r.category(),
        r.channel(),
        r.stage(),
        r.team().value(),
        cases.queues().get(r.team().value()),
        r.strategy(),
        r.active());
  }

  @GetMapping
  @Operation(summary = "The routing rules in the order they are tried (the first match wins)")
  List<RuleResource> list() {
    return routing.rules().stream().map(this::resource).toList();
  }

  @PostMapping
  @PreAuthorize("hasAuthority('PERM_CASES_MANAGE')")
  @Operation(summary = "Add a rule (201); without a position it goes last")
  ResponseEntity<RuleResource> create(@RequestBody RuleRequest request) {
    RoutingRule rule = save(null, request);
    return ResponseEntity.created(URI.create("/api/v1/cases/routing-rules/" + rule.id()))
        .body(resource(rule));
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('PERM_CASES_MANAGE')")
  @Operation(summary = "Change a rule")
  RuleResource update(@PathVariable UUID id, @RequestBody RuleRequest request) {
    return resource(save(id, request));
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("hasAuthority('PERM_CASES_MANAGE')")
  @Operation(summary = "Remove a rule; cases it routed keep their owner")
  ResponseEntity<Void> delete(@PathVariable UUID id) {
    if (!routing.delete(id)) {
      throw ProblemException.notFound("case.routing.notFound");
    }
    return ResponseEntity.noContent().build();
  }

  private RoutingRule save(@Nullable UUID id, RuleRequest r) {
    return routing.save(
        id,
        r.position(),
        r.category(),
        r.channel(),
        r.stage(),
        r.team(),
        r.strategy(),
        !Boolean.FALSE.equals(r.active()));
  }
}
