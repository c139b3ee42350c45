package org.manyi.cases.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.internal.AssignmentStrategy;
import org.manyi.cases.internal.CaseCategories;
import org.manyi.cases.internal.CaseChannel;
import org.manyi.cases.internal.CaseManagement;
import org.manyi.cases.internal.CaseRouting;
import org.manyi.customers.LifecycleStage;
import org.manyi.platform.ProblemException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page of the routing rules. */
@Controller
@PreAuthorize("hasAuthority('PERM_CASES_MANAGE')")
class CaseRoutingController {

  static final String ROUTING = "cases/routing";

  private final CaseRouting routing;
  private final CaseCategories categories;
  private final CaseManagement cases;

  CaseRoutingController(CaseRouting routing, CaseCategories categories, CaseManagement cases) {
    this.routing = routing;
    this.categories = categories;
    this.cases = cases;
  }

  @GetMapping("/admin/case-routing")
  String list(Model model) {
    model.addAttribute("rules", routing.rules());
    model.addAttribute("categories", categories.all());
    model.addAttribute(
        "categoryNames",
        categories.all().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    c -> c.code(), c -> c.name(LocaleContextHolder.getLocale()))));
    model.addAttribute("channels", CaseChannel.values());
    model.addAttribute("stages", LifecycleStage.values());
    model.addAttribute("strategies", AssignmentStrategy.values());
    model.addAttribute("queues", cases.queues());
    return ROUTING;
  }

  @PostMapping("/admin/case-routing")
  String save(
      @RequestParam(required = false) @Nullable UUID id,
      @RequestParam(required = false) @Nullable Integer position,
      @RequestParam(required = false) @Nullable String category,
      @RequestParam(required = false) @Nullable CaseChannel channel,
      @RequestParam(required = false) @Nullable LifecycleStage stage,
      @RequestParam(required = false) @Nullable UUID team,
      @RequestParam(required = false) @Nullable AssignmentStrategy strategy,
      @RequestParam(defaultValue = "false") boolean active,
      RedirectAttributes flash) {
    try {
      routing.save(id, position, category, channel, stage, team, strategy, active);
      flash.addFlashAttribute("flashSuccess", "case.routing.saved");
    } catch (ProblemException e) {
      ProblemException.FieldProblem field = e.firstField();
      flash.addFlashAttribute("flashError", field == null ? e.code() : field.code());
    }
    return "redirect:/admin/case-routing";
  }

  @PostMapping("/admin/case-routing/{id}/delete")
  String delete(@PathVariable UUID id, RedirectAttributes flash) {
    routing.delete(id);
    flash.addFlashAttribute("flashSuccess", "case.routing.deleted");
    return "redirect:/admin/case-routing";
  }
}
