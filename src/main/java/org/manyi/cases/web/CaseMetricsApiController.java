package org.manyi.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.internal.CaseMetrics;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service metrics of the cases received in a period (by default the last 90 days), within the
 * caller's scope.
 */
@RestController
@RequestMapping("/api/v1/metrics/cases")
@PreAuthorize("hasAuthority('PERM_CASES_READ')")
@Tag(name = "Case metrics", description = "Volumes, handling times, SLA compliance, Pareto")
class CaseMetricsApiController {

  static final int DEFAULT_DAYS = 90;

  private final CaseMetrics metrics;

  CaseMetricsApiController(CaseMetrics metrics) {
    this.metrics = metrics;
  }

  @GetMapping
  @Operation(
      summary =
          "Counts by type, category and channel; median and 90th percentile minutes to"
              + " acknowledge, first respond and resolve; compliance per deadline and overall;"
              + " loop-closure rate of survey recovery cases (from, to: yyyy-MM-dd, both"
              + " included)")
  CaseMetrics.Summary summary(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      CurrentUser me,
      Locale locale) {
    LocalDate end = to == null ? LocalDate.now(metrics.zone()) : to;
    LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1) : from;
    return metrics.summary(start, end, me, locale);
  }

  @GetMapping("/pareto")
  @Operation(
      summary =
          "Pareto breakdown, largest first with cumulative shares, by category or rootCause;"
              + " vitalFew marks the bars making up the first 80%")
  List<CaseMetrics.ParetoBar> pareto(
      @RequestParam(required = false) @Nullable String by,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      CurrentUser me,
      Locale locale) {
    CaseMetrics.ParetoBy breakdown;
    if (by == null || by.equals("category")) {
      breakdown = CaseMetrics.ParetoBy.CATEGORY;
    } else if (by.equals("rootCause")) {
      breakdown = CaseMetrics.ParetoBy.ROOT_CAUSE;
    } else {
      throw ProblemException.invalid("by", "case.metrics.by.invalid");
    }
    LocalDate end = to == null ? LocalDate.now(metrics.zone()) : to;
    LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1) : from;
    return metrics.pareto(start, end, breakdown, me, locale);
  }
}
