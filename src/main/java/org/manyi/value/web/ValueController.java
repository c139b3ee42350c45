package org.manyi.value.web;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ProblemException;
import org.manyi.value.internal.RfmAnalysis;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The customer value page: RFM segment grid, value deciles, recomputation. */
@Controller
@PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
class ValueController {

  static final String PAGE = "value/rfm";

  private final RfmAnalysis rfm;

  ValueController(RfmAnalysis rfm) {
    this.rfm = rfm;
  }

  @GetMapping("/analytics/value")
  String page(Model model) {
    model.addAttribute("run", rfm.latest().orElse(null));
    model.addAttribute("segments", rfm.segments());
    model.addAttribute("deciles", rfm.deciles());
    return PAGE;
  }

  @PostMapping("/analytics/value/runs")
  String run(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate asOf,
      @RequestParam(required = false) @Nullable Integer windowMonths,
      CurrentUser me,
      Model model) {
    try {
      UUID job = rfm.start(asOf, windowMonths, me.username());
      return "redirect:/jobs/" + job;
    } catch (ProblemException e) {
      model.addAttribute("runError", e.firstField() == null ? e.code() : e.firstField().code());
      return page(model);
    }
  }
}
