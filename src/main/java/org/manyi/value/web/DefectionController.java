package org.manyi.value.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerAccess;
import org.manyi.customers.CustomerId;
import org.manyi.customers.Customers;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.value.internal.DefectionKind;
import org.manyi.value.internal.DefectionReason;
import org.manyi.value.internal.Defections;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The defection analysis page, the reason taxonomy and the form recording a defection. */
@Controller
@PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
class DefectionController {

  static final String PAGE = "value/defections";
  static final String REASONS = "value/defection-reasons";
  static final String FORM = "value/defection-form";

  private final Defections defections;
  private final Customers customers;
  private final CustomerAccess access;
  private final JsonMapper json;

  DefectionController(
      Defections defections, Customers customers, CustomerAccess access, JsonMapper json) {
    this.defections = defections;
    this.customers = customers;
    this.access = access;
    this.json = json;
  }

  @GetMapping("/analytics/defections")
  String page(
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(defaultValue = "0") int page,
      Locale locale,
      Model model) {
    DefectionApiController.Period period;
    try {
      period = DefectionApiController.Period.of(from, to);
      if (period.from().isAfter(period.to())) {
        throw ProblemException.invalid("from", "value.period.order");
      }
    } catch (ProblemException e) {
      model.addAttribute("periodError", e.firstField() == null ? e.code() : e.firstField().code());
      period = DefectionApiController.Period.of(null, null);
    }
    Defections.Pareto pareto = defections.pareto(period.from(), period.to(), locale);
    Map<String, String> names = new HashMap<>();
    List<DefectionReason> reasons = defections.reasons();
    reasons.forEach(r -> names.put(r.code(), r.name(locale)));
    var winBack = defections.winBack(new PageRequest(page, 25));
    Map<UUID, String> customerNames = new HashMap<>();
    Map<UUID, Boolean> winnable = new HashMap<>();
    winBack
        .items()
        .forEach(
            d -> {
              customers
                  .find(d.customer())
                  .ifPresent(c -> customerNames.put(d.customer().value(), c.name()));
              winnable.put(d.id(), defections.winnable(d));
            });
    List<String> columns = new ArrayList<>();
    pareto.reasons().forEach(b -> columns.add(b.code()));
    model.addAttribute("period", period);
    model.addAttribute("pareto", pareto);
    model.addAttribute("reasonNames", names);
    model.addAttribute("columns", columns);
    model.addAttribute("bySegment", defections.breakdown(period.from(), period.to(), true));
    model.addAttribute("byStage", defections.breakdown(period.from(), period.to(), false));
    model.addAttribute("winBack", winBack);
    model.addAttribute("customerNames", customerNames);
    model.addAttribute("winnable", winnable);
    model.addAttribute(
        "chartJson",
        json.writeValueAsString(
            Map.of(
                "names", pareto.reasons().stream().map(Defections.ParetoBar::name).toList(),
                "counts", pareto.reasons().stream().map(Defections.ParetoBar::count).toList(),
                "cumulative",
                    pareto.reasons().stream()
                        .map(b -> Math.round(b.cumulativeShare() * 1000) / 10.0)
                        .toList())));
    return PAGE;
  }

  @GetMapping("/analytics/defections/reasons")
  String reasons(Model model) {
    model.addAttribute("reasons", defections.reasons());
    return REASONS;
  }

  @PostMapping("/analytics/defections/reasons")
  @PreAuthorize("hasAuthority('PERM_VALUE_SETTINGS_MANAGE')")
  String saveReason(
      @RequestParam String code,
      @RequestParam String nameZh,
      @RequestParam String nameEn,
      @RequestParam(defaultValue = "false") boolean winnable,
      @RequestParam(defaultValue = "false") boolean active,
      @RequestParam(defaultValue = "1000") int position,
      Model model,
      RedirectAttributes redirect) {
    try {
      defections.saveReason(
          new DefectionReason(
              code.trim().toUpperCase(Locale.ROOT), nameZh, nameEn, winnable, active, position));
    } catch (ProblemException e) {
      model.addAttribute("reasonError", e.firstField() == null ? e.code() : e.firstField().code());
      model.addAttribute("form", Map.of("code", code, "nameZh", nameZh, "nameEn", nameEn));
      return reasons(model);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/analytics/defections/reasons";
  }

  @GetMapping("/customers/{id}/defection")
  @PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
  String form(@PathVariable UUID id, CurrentUser me, Model model) {
    CustomerId customer = readable(id, me);
    var open = defections.open(customer).orElse(null);
    model.addAttribute("customerId", id);
    model.addAttribute("customerName", customers.find(customer).map(c -> c.name()).orElse(""));
    model.addAttribute("defection", open);
    model.addAttribute(
        "reasons", defections.reasons().stream().filter(DefectionReason::active).toList());
    model.addAttribute("kinds", DefectionKind.values());
    model.addAttribute(
        "form",
        new FormValues(
            open == null || open.kind() == null ? null : open.kind().name(),
            open == null ? List.of() : open.reasons(),
            open == null ? null : open.competitor(),
            open == null ? null : open.notes(),
            open == null ? null : open.defectedOn().toString()));
    return FORM;
  }

  @PostMapping("/customers/{id}/defection")
  @PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
  String record(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String kind,
      @RequestParam(required = false) @Nullable List<String> reasons,
      @RequestParam(required = false) @Nullable String competitor,
      @RequestParam(required = false) @Nullable String notes,
      @RequestParam(required = false) @Nullable String defectedOn,
      CurrentUser me,
      Model model,
      RedirectAttributes redirect) {
    CustomerId customer = readable(id, me);
    try {
      DefectionKind parsed =
          kind == null || kind.isBlank()
              ? null
              : QueryParams.choice("kind", kind, DefectionKind.class, DefectionKind.UNKNOWN);
      defections.record(
          customer,
          new Defections.Input(
              parsed, reasons, competitor, notes, QueryParams.date("defectedOn", defectedOn)),
          me.username());
    } catch (ProblemException e) {
      form(id, me, model);
      model.addAttribute(
          "form",
          new FormValues(
              kind, reasons == null ? List.of() : reasons, competitor, notes, defectedOn));
      model.addAttribute("errorField", e.firstField() == null ? null : e.firstField().field());
      model.addAttribute("error", e.firstField() == null ? e.code() : e.firstField().code());
      return FORM;
    }
    redirect.addFlashAttribute("defectionSaved", true);
    return "redirect:/customers/" + id;
  }

  /** What the form shows: the stored values, or what the user typed when it was refused. */
  record FormValues(
      @Nullable String kind,
      List<String> reasons,
      @Nullable String competitor,
      @Nullable String notes,
      @Nullable String defectedOn) {}

  private CustomerId readable(UUID id, CurrentUser me) {
    CustomerId customer = new CustomerId(id);
    if (!access.canRead(me, customer)) {
      throw ProblemException.notFound("customer.notFound");
    }
    return customer;
  }
}
