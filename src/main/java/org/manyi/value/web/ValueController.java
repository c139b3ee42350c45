package org.manyi.value.web;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerAccess;
import org.manyi.customers.CustomerId;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ProblemException;
import org.manyi.value.internal.RfmAnalysis;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The customer value page: RFM segment grid, value deciles, recomputation. */
@Controller
@PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
class ValueController {

  static final String PAGE = "value/rfm";
  static final String PANEL = "value/panel :: panel";

  private final RfmAnalysis rfm;
  private final CustomerAccess access;

  ValueController(RfmAnalysis rfm, CustomerAccess access) {
    this.rfm = rfm;
    this.access = access;
  }

  @GetMapping("/analytics/value")
  String page(Model model) {
    model.addAttribute("run", rfm.latest().orElse(null));
    model.addAttribute("segments", rfm.segments());
    model.addAttribute("deciles", rfm.deciles());
    return PAGE;
  }

  /** The value panel of the customer 360 page, loaded by htmx. */
  @GetMapping("/customers/{id}/value-panel")
  @PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
  String panel(@PathVariable UUID id, CurrentUser me, Model model) {
    CustomerId customer = new CustomerId(id);
    if (!access.canRead(me, customer)) {
      throw ProblemException.notFound("customer.notFound");
    }
    model.addAttribute("score", rfm.score(customer).orElse(null));
    model.addAttribute("run", rfm.latest().orElse(null));
    return PANEL;
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
