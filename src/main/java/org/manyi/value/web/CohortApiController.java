package org.manyi.value.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.manyi.value.internal.CohortPeriod;
import org.manyi.value.internal.Cohorts;
import org.manyi.value.internal.RfmAnalysis;
import org.manyi.value.internal.SegmentProfitability;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cohort retention and segment profitability as JSON. */
@RestController
@Tag(name = "Customer value", description = "RFM segments and value concentration")
class CohortApiController {

  private final Cohorts cohorts;
  private final SegmentProfitability profitability;
  private final RfmAnalysis rfm;

  CohortApiController(Cohorts cohorts, SegmentProfitability profitability, RfmAnalysis rfm) {
    this.cohorts = cohorts;
    this.profitability = profitability;
    this.rfm = rfm;
  }

  record Profitability(RfmAnalysis.@Nullable Run run, List<SegmentProfitability.Row> segments) {}

  @GetMapping("/api/v1/analytics/cohorts")
  @PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
  @Operation(
      summary =
          "Cohort retention by first-purchase month (or quarter) and retention and defection"
              + " rate per period; from/to as 2026-01, default the last 12 months")
  Cohorts.Table cohorts(
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String period) {
    return cohorts.table(
        QueryParams.month("from", from),
        QueryParams.month("to", to),
        QueryParams.choice("period", period, CohortPeriod.class, CohortPeriod.MONTH));
  }

  @GetMapping("/api/v1/analytics/segments/profitability")
  @PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
  @Operation(
      summary =
          "Revenue, orders, service cost, satisfaction and churn risk per RFM segment of the"
              + " latest run")
  Profitability profitability() {
    return new Profitability(rfm.latest().orElse(null), profitability.rows());
  }
}
