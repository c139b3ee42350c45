package org.manyi.value.web;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ProblemException;
import org.manyi.value.internal.CoreCustomers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The core-customer page: the rules, the latest run and the way to the filtered customer list. */
@Controller
@PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
class CoreCustomerController {

  static final String PAGE = "value/core";

  private final CoreCustomers core;

  CoreCustomerController(CoreCustomers core) {
    this.core = core;
  }

  @GetMapping("/analytics/core")
  String page(Model model) {
    if (!model.containsAttribute("rules")) {
      model.addAttribute("rules", core.rules());
    }
    model.addAttribute("run", core.latest().orElse(null));
    return PAGE;
  }

  @PostMapping("/analytics/core/rules")
  @PreAuthorize("hasAuthority('PERM_VALUE_SETTINGS_MANAGE')")
  String saveRules(
      @RequestParam String tag,
      @RequestParam(required = false) @Nullable Double topValuePercent,
      @RequestParam(required = false) @Nullable BigDecimal minSpend,
      @RequestParam(required = false) @Nullable Integer minPurchases,
      @RequestParam(required = false) @Nullable Integer minTenureDays,
      @RequestParam(required = false) @Nullable Integer maxServiceContacts,
      @RequestParam(defaultValue = "false") boolean excludeWarned,
      Model model,
      RedirectAttributes redirect) {
    CoreCustomers.Rules rules =
        new CoreCustomers.Rules(
            tag,
            topValuePercent == null ? null : topValuePercent / 100,
            minSpend,
            minPurchases,
            minTenureDays,
            maxServiceContacts,
            excludeWarned);
    try {
      core.saveRules(rules);
    } catch (ProblemException e) {
      model.addAttribute("rules", rules);
      model.addAttribute("rulesError", e.firstField() == null ? e.code() : e.firstField().code());
      return page(model);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/analytics/core";
  }

  @PostMapping("/analytics/core/runs")
  String run(CurrentUser me) {
    return "redirect:/jobs/" + core.start(me.username());
  }
}
