package org.manyi.text.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.manyi.text.internal.CategorySuggester;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Suggested categories for a case's text, as a fragment the case page loads by its assessment. */
@Controller
@PreAuthorize("hasAnyAuthority('PERM_CASES_READ', 'PERM_SATISFACTION_ANALYSE')")
class CategorySuggestionController {

  static final String FRAGMENT = "text/category :: suggestion";

  private final CategorySuggester suggester;

  CategorySuggestionController(CategorySuggester suggester) {
    this.suggester = suggester;
  }

  @PostMapping("/text/category-suggestion")
  String fragment(
      @RequestParam(required = false) @Nullable String text, Locale locale, Model model) {
    String t = text == null ? "" : text;
    if (t.length() > TextApiController.MAX_CHARS) {
      t = t.substring(0, TextApiController.MAX_CHARS);
    }
    model.addAttribute("result", suggester.suggest(t, locale, 3));
    return FRAGMENT;
  }
}
