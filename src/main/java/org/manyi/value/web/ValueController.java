package org.manyi.value.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerAccess;
import org.manyi.customers.CustomerId;
import org.manyi.customers.Customers;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.value.internal.ChurnBacktests;
import org.manyi.value.internal.ChurnWarnings;
import org.manyi.value.internal.ClvFits;
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
  static final String WARNINGS = "value/warnings";

  private final RfmAnalysis rfm;
  private final ChurnWarnings warnings;
  private final ChurnBacktests backtests;
  private final CustomerAccess access;
  private final Customers customers;
  private final ClvFits fits;
  private final ChurnReasonTexts reasonTexts;

  ValueController(
      RfmAnalysis rfm,
      ChurnWarnings warnings,
      ChurnBacktests backtests,
      CustomerAccess access,
      Customers customers,
      ClvFits fits,
      ChurnReasonTexts reasonTexts) {
    this.fits = fits;
    this.reasonTexts = reasonTexts;
    this.backtests = backtests;
    this.rfm = rfm;
    this.warnings = warnings;
    this.access = access;
    this.customers = customers;
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
  String panel(@PathVariable UUID id, CurrentUser me, Model model, Locale locale) {
    CustomerId customer = new CustomerId(id);
    if (!access.canRead(me, customer)) {
      throw ProblemException.notFound("customer.notFound");
    }
    model.addAttribute("score", rfm.score(customer).orElse(null));
    model.addAttribute("openWarnings", warnings.openFor(customer));
    model.addAttribute("run", rfm.latest().orElse(null));
    ClvFits.CustomerValue value = fits.valueOf(customer, null).orElse(null);
    model.addAttribute("clvValue", value);
    model.addAttribute(
        "churnReasons",
        value == null ? List.of() : reasonTexts.of(value.churn().reasons(), locale));
    return PANEL;
  }

  @GetMapping("/analytics/warnings")
  String warnings(@RequestParam(defaultValue = "0") int page, Model model) {
    var list = warnings.list(true, new PageRequest(page, 50));
    java.util.Map<UUID, String> names = new java.util.HashMap<>();
    list.items()
        .forEach(
            w ->
                customers
                    .find(w.customer())
                    .ifPresent(c -> names.put(w.customer().value(), c.name())));
    model.addAttribute("warnings", list);
    model.addAttribute("names", names);
    return WARNINGS;
  }

  @PostMapping("/analytics/warnings/backtests")
  String backtest(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate cutoff,
      @RequestParam(required = false) @Nullable Integer horizonDays,
      @RequestParam(required = false) @Nullable Double targetPrecision,
      @RequestParam(defaultValue = "0") int page,
      CurrentUser me,
      Model model) {
    try {
      return "redirect:/analytics/warnings/backtests/"
          + backtests.start(cutoff, horizonDays, targetPrecision, me.username());
    } catch (ProblemException e) {
      model.addAttribute(
          "backtestError", e.firstField() == null ? e.code() : e.firstField().code());
      return warnings(page, model);
    }
  }

  @PostMapping("/analytics/warnings/runs")
  String runWarnings(CurrentUser me) {
    return "redirect:/jobs/" + warnings.start(null, me.username());
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
