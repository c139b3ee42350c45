package org.manyi.value.web;

import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;
import org.manyi.value.internal.CohortPeriod;
import org.manyi.value.internal.Cohorts;
import org.manyi.value.internal.RfmAnalysis;
import org.manyi.value.internal.SegmentProfitability;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The cohort retention page and the segment profitability page. */
@Controller
@PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
class CohortController {

  static final String COHORTS = "value/cohorts";
  static final String PROFITABILITY = "value/profitability";

  private final Cohorts cohorts;
  private final SegmentProfitability profitability;
  private final RfmAnalysis rfm;

  CohortController(Cohorts cohorts, SegmentProfitability profitability, RfmAnalysis rfm) {
    this.cohorts = cohorts;
    this.profitability = profitability;
    this.rfm = rfm;
  }

  @GetMapping("/analytics/cohorts")
  String cohorts(
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String period,
      Model model) {
    Cohorts.Table table;
    try {
      table =
          cohorts.table(
              QueryParams.month("from", from),
              QueryParams.month("to", to),
              QueryParams.choice("period", period, CohortPeriod.class, CohortPeriod.MONTH));
    } catch (ProblemException e) {
      model.addAttribute("error", e.firstField() == null ? e.code() : e.firstField().code());
      table = cohorts.table(null, null, CohortPeriod.MONTH);
    }
    model.addAttribute("table", table);
    model.addAttribute("empty", table.rates().stream().allMatch(r -> r.active() == 0));
    model.addAttribute("from", from == null ? "" : from);
    model.addAttribute("to", to == null ? "" : to);
    model.addAttribute("periods", CohortPeriod.values());
    return COHORTS;
  }

  @GetMapping("/analytics/profitability")
  String profitability(Model model) {
    model.addAttribute("run", rfm.latest().orElse(null));
    model.addAttribute("rows", profitability.rows());
    return PROFITABILITY;
  }
}
