package org.manyi.cases.web;

import org.jspecify.annotations.Nullable;
import org.manyi.cases.internal.CaseCategories;
import org.manyi.platform.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page of the case category taxonomy. */
@Controller
@PreAuthorize("hasAuthority('PERM_CASES_MANAGE')")
class CaseCategoryController {

  static final String CATEGORIES = "cases/categories";

  private final CaseCategories categories;

  CaseCategoryController(CaseCategories categories) {
    this.categories = categories;
  }

  @GetMapping("/admin/case-categories")
  String list(Model model) {
    model.addAttribute("categories", categories.all());
    return CATEGORIES;
  }

  @PostMapping("/admin/case-categories")
  String save(
      @RequestParam(required = false) @Nullable String code,
      @RequestParam(required = false) @Nullable String nameZh,
      @RequestParam(required = false) @Nullable String nameEn,
      @RequestParam(defaultValue = "false") boolean urgent,
      @RequestParam(defaultValue = "false") boolean active,
      @RequestParam(required = false) @Nullable Integer position,
      RedirectAttributes flash) {
    try {
      categories.save(code, nameZh, nameEn, urgent, active, position);
      flash.addFlashAttribute("flashSuccess", "case.category.saved");
    } catch (ProblemException e) {
      ProblemException.FieldProblem field = e.firstField();
      flash.addFlashAttribute("flashError", field == null ? e.code() : field.code());
    }
    return "redirect:/admin/case-categories";
  }
}
