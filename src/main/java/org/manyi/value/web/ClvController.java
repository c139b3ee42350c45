package org.manyi.value.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.Customers;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.JobView;
import org.manyi.platform.Jobs;
import org.manyi.platform.ProblemException;
import org.manyi.value.internal.ChurnBacktests;
import org.manyi.value.internal.ClvFits;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import tools.jackson.databind.json.JsonMapper;

/** Lifetime-value fits (form, parameters, holdout check, top customers) and backtest results. */
@Controller
@PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
class ClvController {

  static final String PAGE = "value/clv";
  static final String BACKTEST = "value/backtest";
  private static final int TOP = 20;

  private final ClvFits fits;
  private final Jobs jobs;
  private final Customers customers;
  private final JsonMapper json;
  private final MessageSource messages;

  ClvController(
      ClvFits fits, Jobs jobs, Customers customers, JsonMapper json, MessageSource messages) {
    this.fits = fits;
    this.jobs = jobs;
    this.customers = customers;
    this.json = json;
    this.messages = messages;
  }

  /** The fit form as posted; names match the API request. */
  record FitForm(
      @Nullable String calibrationEnd,
      @Nullable String timeUnit,
      @Nullable String model,
      @Nullable Integer horizon,
      @Nullable Double discountRate,
      @Nullable String holdoutEnd) {}

  @GetMapping("/analytics/clv")
  String page(Model model) {
    ClvFits.Fit latest = fits.latest().orElse(null);
    model.addAttribute("latest", latest);
    model.addAttribute("fits", fits.recent(10));
    List<ClvFits.ScoreRow> top = latest == null ? List.of() : fits.topByClv(TOP);
    Map<UUID, String> names = new LinkedHashMap<>();
    top.forEach(
        r ->
            customers.find(r.customer()).ifPresent(c -> names.put(r.customer().value(), c.name())));
    model.addAttribute("top", top);
    model.addAttribute("names", names);
    if (latest != null && latest.holdout() != null) {
      Map<String, Object> chart = new LinkedHashMap<>();
      // a frequency no customer has has no mean (NaN), which JSON cannot carry
      chart.put("rows", latest.holdout().rows().stream().filter(r -> r.customers() > 0).toList());
      chart.put(
          "texts",
          Map.of(
              "actual", text("value.clv.holdout.actual"),
              "predicted", text("value.clv.holdout.predicted"),
              "frequency", text("value.clv.holdout.frequency")));
      model.addAttribute("holdoutChart", json.writeValueAsString(chart));
    }
    return PAGE;
  }

  @PostMapping("/analytics/clv/fits")
  String fit(@ModelAttribute FitForm form, CurrentUser me, Model model) {
    try {
      UUID job =
          fits.start(
              new ClvFits.FitRequest(
                  date(form.calibrationEnd(), "calibrationEnd"),
                  form.timeUnit(),
                  form.model(),
                  null,
                  form.horizon(),
                  form.discountRate(),
                  date(form.holdoutEnd(), "holdoutEnd")),
              me.username());
      return "redirect:/jobs/" + job;
    } catch (ProblemException e) {
      model.addAttribute("fitError", e.firstField() == null ? e.code() : e.firstField().code());
      return page(model);
    }
  }

  private static java.time.@Nullable LocalDate date(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return java.time.LocalDate.parse(value.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw ProblemException.invalid(field, "value.clv.date");
    }
  }

  /** A backtest's progress and, once done, its comparison of signals. */
  @GetMapping("/analytics/warnings/backtests/{id}")
  String backtest(@PathVariable UUID id, CurrentUser me, Model model) {
    JobView job =
        jobs.find(id)
            .filter(j -> ChurnBacktests.JOB_TYPE.equals(j.type()))
            .filter(
                j ->
                    j.owner().equals(me.username())
                        || me.can(org.manyi.identity.Permission.USERS_MANAGE))
            .orElseThrow(() -> ProblemException.notFound("job.notFound"));
    model.addAttribute("job", job);
    if (job.result() != null) {
      ChurnBacktests.Result result = json.treeToValue(job.result(), ChurnBacktests.Result.class);
      model.addAttribute("result", result);
      Map<String, Object> chart = new LinkedHashMap<>();
      chart.put(
          "signals",
          result.signals().stream()
              .sorted((a, b) -> Double.compare(a.auc(), b.auc()))
              .map(
                  s ->
                      Map.of(
                          "label",
                          text("value.signal." + s.signal()),
                          "auc",
                          s.auc(),
                          "proposed",
                          s.signal().equals(result.proposed())))
              .toList());
      chart.put("calibration", result.calibration());
      chart.put(
          "texts",
          Map.of(
              "auc", "AUC",
              "predicted", text("value.backtest.calibration.predicted"),
              "observed", text("value.backtest.calibration.observed"),
              "decile", text("value.backtest.calibration.decile")));
      model.addAttribute("chart", json.writeValueAsString(chart));
    }
    return BACKTEST;
  }

  private String text(String code) {
    Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    return messages.getMessage(code, null, code, locale);
  }
}
