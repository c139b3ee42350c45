package org.manyi.cases.web;

import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.internal.CaseMetrics;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The service dashboard: the case metrics of a period with Pareto charts. */
@Controller
@PreAuthorize("hasAuthority('PERM_CASES_READ')")
class CaseDashboardController {

  static final String DASHBOARD = "cases/dashboard";

  private final CaseMetrics metrics;

  CaseDashboardController(CaseMetrics metrics) {
    this.metrics = metrics;
  }

  @GetMapping("/cases/dashboard")
  String dashboard(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      CurrentUser me,
      Locale locale,
      Model model) {
    LocalDate end = to == null ? LocalDate.now(metrics.zone()) : to;
    LocalDate start =
        from == null ? end.minusDays(CaseMetricsApiController.DEFAULT_DAYS - 1) : from;
    model.addAttribute("from", start);
    model.addAttribute("to", end);
    try {
      model.addAttribute("m", metrics.summary(start, end, me, locale));
      model.addAttribute(
          "rootCauses", metrics.pareto(start, end, CaseMetrics.ParetoBy.ROOT_CAUSE, me, locale));
    } catch (ProblemException e) {
      ProblemException.FieldProblem field = e.firstField();
      model.addAttribute("periodError", field == null ? e.code() : field.code());
    }
    return DASHBOARD;
  }
}
