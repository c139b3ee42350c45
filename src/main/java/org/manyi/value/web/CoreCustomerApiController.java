package org.manyi.value.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.CurrentUser;
import org.manyi.value.internal.CoreCustomers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Core-customer rules and runs as JSON. */
@RestController
@Tag(name = "Customer value", description = "RFM segments and value concentration")
class CoreCustomerApiController {

  private final CoreCustomers core;

  CoreCustomerApiController(CoreCustomers core) {
    this.core = core;
  }

  /**
   * The rules and the latest run; the core customers are the customer list filtered by {@code tag}.
   */
  record CoreStatus(CoreCustomers.Rules rules, CoreCustomers.@Nullable Run run) {}

  record Started(UUID jobId) {}

  @GetMapping("/api/v1/analytics/core-customers")
  @PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
  @Operation(summary = "The core-customer rules and the latest run")
  CoreStatus status() {
    return new CoreStatus(core.rules(), core.latest().orElse(null));
  }

  @PutMapping("/api/v1/analytics/core-customers/rules")
  @PreAuthorize("hasAuthority('PERM_VALUE_SETTINGS_MANAGE')")
  @Operation(summary = "Change the core-customer rules (they apply from the next run)")
  CoreCustomers.Rules rules(@RequestBody CoreCustomers.Rules rules) {
    return core.saveRules(rules);
  }

  @PostMapping("/api/v1/analytics/core-customers/runs")
  @PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
  @Operation(
      summary =
          "Apply the rules as of today and tag the core customers, so the customer list filters"
              + " them (202, job)")
  ResponseEntity<Started> run(CurrentUser me) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Started(core.start(me.username())));
  }
}
