package org.manyi.customers.web;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.internal.CustomField;
import org.manyi.customers.internal.CustomFields;
import org.manyi.customers.internal.FieldType;
import org.manyi.platform.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page of custom customer fields. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CustomFieldController {

  static final String PAGE = "customers/fields";

  private final CustomFields fields;

  CustomFieldController(CustomFields fields) {
    this.fields = fields;
  }

  @GetMapping("/customers/fields")
  String page(Model model) {
    model.addAttribute("fields", fields.all());
    model.addAttribute("types", FieldType.values());
    return PAGE;
  }

  @PostMapping("/customers/fields")
  String save(
      @RequestParam(defaultValue = "") String key,
      @RequestParam(defaultValue = "") String labelZh,
      @RequestParam(defaultValue = "") String labelEn,
      @RequestParam(required = false) @Nullable FieldType type,
      @RequestParam(defaultValue = "") String options,
      @RequestParam(defaultValue = "false") boolean inList,
      @RequestParam(defaultValue = "0") int position,
      Model model,
      RedirectAttributes redirect) {
    try {
      fields.define(
          new CustomField(
              key, labelZh, labelEn, type, Arrays.asList(options.split("\\R")), inList, position));
      redirect.addFlashAttribute("saved", true);
      return "redirect:/customers/fields";
    } catch (ProblemException e) {
      model.addAttribute("fieldError", e.firstField() == null ? e.code() : e.firstField().code());
      model.addAttribute("typed", new String[] {key, labelZh, labelEn, options});
      return page(model);
    }
  }

  @PostMapping("/customers/fields/{key}/delete")
  String delete(@PathVariable String key) {
    fields.delete(key);
    return "redirect:/customers/fields";
  }
}
