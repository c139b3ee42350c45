package org.manyi.satisfaction.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.LifecycleStage;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.Permission;
import org.manyi.platform.ProblemException;
import org.manyi.pls.Mode;
import org.manyi.pls.Scaling;
import org.manyi.pls.Scheme;
import org.manyi.satisfaction.internal.DataFilter;
import org.manyi.satisfaction.internal.ModelRun;
import org.manyi.satisfaction.internal.ModelRuns;
import org.manyi.satisfaction.internal.ModelSpec;
import org.manyi.satisfaction.internal.Respondents;
import org.manyi.satisfaction.internal.RunExport;
import org.manyi.satisfaction.internal.RunPdf;
import org.manyi.satisfaction.internal.RunSettings;
import org.manyi.satisfaction.internal.SatisfactionModel;
import org.manyi.satisfaction.internal.SatisfactionModels;
import org.manyi.shared.PageRequest;
import org.manyi.surveys.SurveyData;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Satisfaction pages: the model list, the editor, the run upload form, a run with live progress and
 * then its results, comparison of two runs, and the XLSX export.
 */
@Controller
@RequestMapping("/satisfaction")
@PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
class SatisfactionController {

  static final String LIST = "satisfaction/models";
  static final String ROWS = "satisfaction/models :: rows";
  static final String MODEL = "satisfaction/model";
  static final String EDITOR = "satisfaction/model-form";
  static final String RUN_FORM = "satisfaction/run-form";
  static final String RUN = "satisfaction/run";
  static final String RUN_PROGRESS = "satisfaction/run :: progress";
  static final String COMPARE = "satisfaction/compare";

  private static final String MANAGE = "hasAuthority('PERM_SATISFACTION_MODELS_MANAGE')";

  /** Run settings and the survey selection as the run form posts them. */
  record RunForm(
      @Nullable Integer bootstrap,
      @Nullable Long seed,
      @Nullable Double tolerance,
      @Nullable Integer maxIterations,
      @Nullable UUID surveyId,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
      @Nullable Set<LifecycleStage> stages,
      @Nullable String city,
      @Nullable String segment) {

    /** The answers to select, null when no survey is chosen. */
    @Nullable DataFilter filter() {
      return surveyId == null ? null : new DataFilter(surveyId, from, to, stages, city, segment);
    }
  }

  private final SatisfactionModels models;
  private final ModelRuns runs;
  private final RunExport export;
  private final RunPdf pdf;
  private final RunView views;
  private final MessageSource messages;
  private final SurveyData surveyData;
  private final Respondents respondents;

  SatisfactionController(
      SatisfactionModels models,
      ModelRuns runs,
      RunExport export,
      RunPdf pdf,
      RunView views,
      MessageSource messages,
      SurveyData surveyData,
      Respondents respondents) {
    this.surveyData = surveyData;
    this.respondents = respondents;
    this.models = models;
    this.runs = runs;
    this.export = export;
    this.pdf = pdf;
    this.views = views;
    this.messages = messages;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
      CurrentUser me,
      Model model) {
    model.addAttribute("models", models.list(q, new PageRequest(page, 20)));
    model.addAttribute("q", q);
    model.addAttribute("canManage", me.can(Permission.SATISFACTION_MODELS_MANAGE));
    return htmx != null ? ROWS : LIST;
  }

  @GetMapping("/models/{id}")
  String model(@PathVariable UUID id, CurrentUser me, Model model) {
    SatisfactionModel m = models.get(id);
    model.addAttribute("m", m);
    model.addAttribute("labels", labels(m.spec()));
    model.addAttribute("runs", runs.forModel(id, 50));
    model.addAttribute("canManage", me.can(Permission.SATISFACTION_MODELS_MANAGE));
    return MODEL;
  }

  @GetMapping("/models/new")
  @PreAuthorize(MANAGE)
  String newModel(Model model) {
    model.addAttribute("form", ModelForm.empty());
    return editor(model, null);
  }

  @PostMapping("/models/new")
  @PreAuthorize(MANAGE)
  String create(
      @ModelAttribute("form") ModelForm form,
      BindingResult binding,
      @RequestParam(required = false) @Nullable String addRow,
      CurrentUser me,
      Model model,
      RedirectAttributes flash) {
    if (addRow != null || binding.hasErrors()) {
      form.addSpareRows();
      return editor(model, null);
    }
    try {
      SatisfactionModel created = models.create(form.draft(), me.username());
      flash.addFlashAttribute("flashSuccess", "satisfaction.model.created");
      flash.addFlashAttribute("flashArg", created.name());
      return "redirect:/satisfaction/models/" + created.id();
    } catch (ProblemException e) {
      reject(e, form, binding);
      return editor(model, null);
    }
  }

  @GetMapping("/models/{id}/edit")
  @PreAuthorize(MANAGE)
  String edit(@PathVariable UUID id, Model model) {
    SatisfactionModel m = models.get(id);
    model.addAttribute("form", ModelForm.of(m));
    return editor(model, m);
  }

  @PostMapping("/models/{id}/edit")
  @PreAuthorize(MANAGE)
  String update(
      @PathVariable UUID id,
      @ModelAttribute("form") ModelForm form,
      BindingResult binding,
      @RequestParam(required = false) @Nullable String addRow,
      Model model,
      RedirectAttributes flash) {
    SatisfactionModel m = models.get(id);
    if (addRow != null || binding.hasErrors()) {
      form.addSpareRows();
      return editor(model, m);
    }
    try {
      SatisfactionModel saved = models.revise(id, form.draft());
      flash.addFlashAttribute("flashSuccess", "satisfaction.model.saved");
      flash.addFlashAttribute("flashArg", saved.name());
      return "redirect:/satisfaction/models/" + id;
    } catch (ProblemException e) {
      reject(e, form, binding);
      return editor(model, m);
    }
  }

  @PostMapping("/models/{id}/delete")
  @PreAuthorize(MANAGE)
  String delete(@PathVariable UUID id, RedirectAttributes flash) {
    SatisfactionModel m = models.get(id);
    models.delete(id);
    flash.addFlashAttribute("flashSuccess", "satisfaction.model.deleted");
    flash.addFlashAttribute("flashArg", m.name());
    return "redirect:/satisfaction";
  }

  @GetMapping("/models/{id}/run")
  String runForm(@PathVariable UUID id, Model model) {
    RunSettings defaults = RunSettings.defaults();
    model.addAttribute(
        "form",
        new RunForm(
            defaults.bootstrap(),
            defaults.seed(),
            defaults.tolerance(),
            defaults.maxIterations(),
            null,
            null,
            null,
            Set.of(),
            null,
            null));
    return runForm(model, models.get(id), null);
  }

  @PostMapping("/models/{id}/run")
  String startRun(
      @PathVariable UUID id,
      @ModelAttribute("form") RunForm form,
      @RequestParam(name = "data", required = false) @Nullable MultipartFile data,
      CurrentUser me,
      Model model)
      throws IOException {
    SatisfactionModel m = models.get(id);
    boolean upload = data != null && !data.isEmpty();
    RunSettings settings =
        SatisfactionApiController.settings(
            form.bootstrap(), form.seed(), form.tolerance(), form.maxIterations());
    DataFilter filter = form.filter();
    try {
      // an uploaded file wins; otherwise a survey's answers, stored with the run so it stays
      // reproducible
      ModelRun run =
          upload || filter == null
              ? runs.start(
                  id,
                  data == null ? null : data.getBytes(),
                  data == null ? null : data.getOriginalFilename(),
                  settings,
                  me.username())
              : runs.startFromSurvey(filter, id, settings, me.username());
      return "redirect:/satisfaction/runs/" + run.id();
    } catch (ProblemException e) {
      return runForm(model, m, e);
    }
  }

  @GetMapping("/runs/{runId}")
  String run(@PathVariable UUID runId, Model model, Locale locale) {
    ModelRun run = runs.get(runId);
    model.addAttribute("run", run);
    model.addAttribute("labels", labels(run.spec()));
    model.addAttribute("job", run.jobId() == null ? null : views.job(run.jobId()));
    DataFilter filter = run.data().filter();
    model.addAttribute(
        "segmentLabel",
        filter == null || filter.segment() == null
            ? null
            : respondents.segmentOptions().stream()
                .filter(o -> o.code().equals(filter.segment()))
                .map(Respondents.SegmentOption::labelKey)
                .findFirst()
                .orElse(null));
    if (run.result() != null) {
      model.addAttribute("view", views.of(run, labels(run.spec()), locale));
    }
    return RUN;
  }

  /** The progress fragment htmx polls; a finished run reloads the page to show its results. */
  @GetMapping("/runs/{runId}/progress")
  String progress(@PathVariable UUID runId, Model model, HttpServletResponse response) {
    ModelRun run = runs.get(runId);
    model.addAttribute("run", run);
    model.addAttribute("job", run.jobId() == null ? null : views.job(run.jobId()));
    if (run.status().finished()) {
      response.setHeader("HX-Refresh", "true");
    }
    return RUN_PROGRESS;
  }

  @PostMapping("/runs/{runId}/repeat")
  String repeat(@PathVariable UUID runId, CurrentUser me) {
    ModelRun original = runs.get(runId);
    ModelRun run = runs.repeat(original.modelId(), runId, me.username());
    return "redirect:/satisfaction/runs/" + run.id();
  }

  @GetMapping("/runs/{runId}/export.xlsx")
  ResponseEntity<byte[]> exportRun(@PathVariable UUID runId, Locale locale) {
    ModelRun run = runs.get(runId);
    return SatisfactionApiController.xlsx(export.xlsx(run, locale), run);
  }

  @GetMapping("/runs/{runId}/export.pdf")
  ResponseEntity<byte[]> exportPdf(@PathVariable UUID runId, Locale locale) {
    ModelRun run = runs.get(runId);
    return SatisfactionApiController.pdf(pdf.pdf(run, locale), run);
  }

  @GetMapping("/models/{id}/compare")
  String compare(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable UUID a,
      @RequestParam(required = false) @Nullable UUID b,
      Model model) {
    SatisfactionModel m = models.get(id);
    if (a == null || b == null || a.equals(b)) {
      throw ProblemException.invalid("b", "satisfaction.compare.twoRuns");
    }
    ModelRun first = runs.get(id, a);
    ModelRun second = runs.get(id, b);
    model.addAttribute("m", m);
    model.addAttribute("a", first);
    model.addAttribute("b", second);
    model.addAttribute("comparison", Comparison.of(first, second));
    model.addAttribute("labels", labels(m.spec()));
    return COMPARE;
  }

  private String editor(Model model, @Nullable SatisfactionModel editing) {
    model.addAttribute("editing", editing);
    model.addAttribute("modes", Mode.values());
    model.addAttribute("schemes", Scheme.values());
    model.addAttribute("scalings", Scaling.values());
    return EDITOR;
  }

  private String runForm(Model model, SatisfactionModel m, @Nullable ProblemException problem) {
    model.addAttribute("m", m);
    model.addAttribute("surveys", surveyData.scoredSurveys());
    model.addAttribute("stages", LifecycleStage.values());
    model.addAttribute("segments", respondents.segmentOptions());
    model.addAttribute("labels", labels(m.spec()));
    List<String> problems = new java.util.ArrayList<>();
    if (problem != null) {
      Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
      if (problem.fields().isEmpty()) {
        problems.add(messages.getMessage(problem.code(), problem.args(), problem.code(), locale));
      }
      problem
          .fields()
          .forEach(f -> problems.add(messages.getMessage(f.code(), f.args(), f.code(), locale)));
    }
    model.addAttribute("problems", problems);
    return RUN_FORM;
  }

  /**
   * Puts each problem next to its form field. Rule violations name the spec's constructs and paths;
   * the form may hold blank rows and lines in between, so indexes are translated.
   */
  private static void reject(ProblemException e, ModelForm form, BindingResult binding) {
    if (e.fields().isEmpty()) {
      binding.reject(e.code(), e.args(), null);
      return;
    }
    List<Integer> rows = form.rowIndexes();
    for (ProblemException.FieldProblem problem : e.fields()) {
      String field = problem.field();
      java.util.regex.Matcher construct =
          java.util.regex.Pattern.compile("constructs\\[(\\d+)](\\..+)").matcher(field);
      if (construct.matches()) {
        int row = rows.get(Integer.parseInt(construct.group(1)));
        binding.rejectValue(
            "constructs[" + row + "]" + construct.group(2), problem.code(), problem.args(), null);
      } else if (field.startsWith("paths")) {
        binding.rejectValue("paths", problem.code(), problem.args(), null);
      } else if (field.equals("name") || field.equals("scaleMax") || field.equals("target")) {
        binding.rejectValue(field, problem.code(), problem.args(), null);
      } else {
        binding.reject(problem.code(), problem.args(), null);
      }
    }
  }

  /** Construct name to its label in the reader's language; custom constructs keep their name. */
  Map<String, String> labels(ModelSpec spec) {
    Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    Map<String, String> labels = new LinkedHashMap<>();
    spec.constructs()
        .forEach(
            c ->
                labels.put(
                    c.name(),
                    messages.getMessage(
                        "satisfaction.construct." + c.name(), null, c.name(), locale)));
    return labels;
  }
}
