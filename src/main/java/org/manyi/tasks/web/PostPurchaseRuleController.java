package org.manyi.tasks.web;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ProblemException;
import org.manyi.tasks.internal.PostPurchaseCallbacks;
import org.manyi.tasks.internal.PostPurchaseRule;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page of the post-purchase callback rule. */
@Controller
@RequestMapping("/admin/tasks/post-purchase")
@PreAuthorize("hasRole('ADMIN')")
class PostPurchaseRuleController {

  static final String PAGE = "tasks/rule";

  private final PostPurchaseCallbacks postPurchase;

  PostPurchaseRuleController(PostPurchaseCallbacks postPurchase) {
    this.postPurchase = postPurchase;
  }

  @GetMapping
  String show(Model model) {
    PostPurchaseRule rule = postPurchase.rule();
    model.addAttribute("enabled", rule.enabled());
    model.addAttribute("minAmount", rule.minAmount().toPlainString());
    model.addAttribute("delayDays", String.valueOf(rule.delayDays()));
    model.addAttribute("error", null);
    return PAGE;
  }

  @PostMapping
  String change(
      @RequestParam(defaultValue = "false") boolean enabled,
      @RequestParam(required = false) @Nullable String minAmount,
      @RequestParam(required = false) @Nullable String delayDays,
      CurrentUser me,
      Model model,
      RedirectAttributes flash) {
    try {
      BigDecimal amount;
      try {
        amount = new BigDecimal(minAmount == null ? "" : minAmount.strip());
      } catch (NumberFormatException e) {
        throw ProblemException.invalid("minAmount", "task.rule.minAmount.invalid");
      }
      int days;
      try {
        days = Integer.parseInt(delayDays == null ? "" : delayDays.strip());
      } catch (NumberFormatException e) {
        throw ProblemException.invalid("delayDays", "task.rule.delayDays.range", 365);
      }
      postPurchase.change(PostPurchaseRule.of(enabled, amount, days), me);
      flash.addFlashAttribute("flashSuccess", "task.rule.saved");
      return "redirect:/admin/tasks/post-purchase";
    } catch (ProblemException e) {
      if (e.firstField() == null) {
        throw e;
      }
      model.addAttribute("enabled", enabled);
      model.addAttribute("minAmount", minAmount);
      model.addAttribute("delayDays", delayDays);
      model.addAttribute("error", e.firstField());
      return PAGE;
    }
  }
}
