package org.manyi.customers.web;

import java.util.UUID;
import org.manyi.customers.internal.SavedView;
import org.manyi.customers.internal.SavedViews;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Saving and deleting views from the customer list page. */
@Controller
@PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
class SavedViewController {

  private final SavedViews views;

  SavedViewController(SavedViews views) {
    this.views = views;
  }

  @PostMapping("/customers/views")
  String save(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String query,
      CurrentUser me,
      RedirectAttributes redirect) {
    try {
      SavedView view = views.save(name, query, me);
      redirect.addFlashAttribute("viewSaved", view.name());
      return "redirect:/customers?" + view.query();
    } catch (ProblemException e) {
      redirect.addFlashAttribute(
          "viewError", e.firstField() == null ? e.code() : e.firstField().code());
      return "redirect:/customers?" + query;
    }
  }

  @PostMapping("/customers/views/{id}/delete")
  String delete(@PathVariable UUID id, CurrentUser me) {
    views.delete(id, me);
    return "redirect:/customers";
  }
}
