package org.manyi.surveys.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.surveys.QuestionType;
import org.manyi.surveys.SurveyId;
import org.manyi.surveys.SurveyStatus;
import org.manyi.surveys.internal.CustomerProfiles;
import org.manyi.surveys.internal.GroupBy;
import org.manyi.surveys.internal.LocalizedText;
import org.manyi.surveys.internal.Metrics;
import org.manyi.surveys.internal.Question;
import org.manyi.surveys.internal.SatisfactionMetrics;
import org.manyi.surveys.internal.Survey;
import org.manyi.surveys.internal.SurveyManagement;
import org.manyi.surveys.internal.SurveyTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Survey pages: the list, a new survey, and a survey with its builder and results. */
@Controller
@RequestMapping("/surveys")
@PreAuthorize("hasAuthority('PERM_SURVEYS_READ')")
class SurveyController {

  static final String LIST = "surveys/list";
  static final String NEW = "surveys/new";
  static final String DETAIL = "surveys/detail";
  private static final int COMMENTS = 20;

  /** A new survey: a name and, optionally, a template to start from. */
  record NewSurveyForm(
      @NotBlank(message = "{survey.name.required}")
          @Size(max = 200, message = "{survey.name.required}")
          String name,
      @Nullable SurveyTemplate template) {}

  /** A question added in the builder; options one per line, "value=label" or just "label". */
  record QuestionForm(
      @NotBlank(message = "{survey.question.key}") String key,
      @NotNull(message = "{survey.question.type}") QuestionType type,
      @Nullable String textZh,
      @Nullable String textEn,
      @Nullable String options,
      boolean required) {}

  private final SurveyManagement surveys;
  private final SatisfactionMetrics metrics;
  private final CustomerProfiles profiles;

  SurveyController(
      SurveyManagement surveys, SatisfactionMetrics metrics, CustomerProfiles profiles) {
    this.profiles = profiles;
    this.surveys = surveys;
    this.metrics = metrics;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) SurveyStatus status,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    model.addAttribute("surveys", surveys.list(q, status, new PageRequest(page, 20)));
    model.addAttribute("q", q);
    model.addAttribute("status", status);
    model.addAttribute("statuses", SurveyStatus.values());
    return LIST;
  }

  @GetMapping("/new")
  @PreAuthorize("hasAuthority('PERM_SURVEYS_MANAGE')")
  String newForm(Model model) {
    model.addAttribute("form", new NewSurveyForm("", SurveyTemplate.NPS_REASON));
    model.addAttribute("templates", SurveyTemplate.values());
    return NEW;
  }

  @PostMapping("/new")
  @PreAuthorize("hasAuthority('PERM_SURVEYS_MANAGE')")
  String create(
      @Valid @ModelAttribute("form") NewSurveyForm form,
      BindingResult binding,
      Authentication who,
      Model model) {
    if (binding.hasErrors()) {
      model.addAttribute("templates", SurveyTemplate.values());
      return NEW;
    }
    Survey survey =
        form.template() == null
            ? surveys.create(form.name(), List.of(), who.getName())
            : surveys.createFromTemplate(form.template(), form.name(), who.getName());
    return "redirect:/surveys/" + survey.id();
  }

  @GetMapping("/{id}")
  String detail(
      @PathVariable UUID id,
      @RequestParam(required = false) String breakdown,
      @RequestParam(required = false) String weight,
      Model model) {
    Survey survey = surveys.get(new SurveyId(id));
    SatisfactionMetrics.Filter all = new SatisfactionMetrics.Filter(null, null, id);
    model.addAttribute("survey", survey);
    model.addAttribute("responses", surveys.responses(survey.id()));
    model.addAttribute(
        "link",
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/s/{token}")
            .buildAndExpand(survey.anonymousToken())
            .toUriString());
    model.addAttribute("nps", metrics.nps(all, GroupBy.NONE));
    model.addAttribute("npsByMonth", metrics.nps(all, GroupBy.MONTH));
    model.addAttribute("csat", metrics.csat(all, GroupBy.NONE));
    model.addAttribute("ces", metrics.ces(all, GroupBy.NONE));
    model.addAttribute("comments", surveys.comments(survey.id(), COMMENTS));
    model.addAttribute("reliability", surveys.reliability(survey));
    model.addAttribute("smallSample", Metrics.SMALL_SAMPLE);
    model.addAttribute("types", QuestionType.values());
    model.addAttribute("tierHigh", profiles.highTier());
    model.addAttribute("tierMedium", profiles.mediumTier());
    Breakdown.addTo(model, metrics, all, breakdown, weight);
    if (!model.containsAttribute("questionForm")) {
      model.addAttribute(
          "questionForm", new QuestionForm("", QuestionType.RATING, "", "", "", true));
    }
    return DETAIL;
  }

  @PostMapping("/{id}/status")
  @PreAuthorize("hasAuthority('PERM_SURVEYS_MANAGE')")
  String status(
      @PathVariable UUID id, @RequestParam SurveyStatus status, RedirectAttributes flash) {
    try {
      surveys.change(new SurveyId(id), new SurveyManagement.SurveyChanges(null, status, null));
      flash.addFlashAttribute("flashSuccess", "survey.status.changed." + status.name());
    } catch (ProblemException e) {
      flash.addFlashAttribute("flashError", e.code());
    }
    return "redirect:/surveys/" + id;
  }

  @PostMapping("/{id}/questions")
  @PreAuthorize("hasAuthority('PERM_SURVEYS_MANAGE')")
  String addQuestion(
      @PathVariable UUID id,
      @Valid @ModelAttribute("questionForm") QuestionForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes flash) {
    Survey survey = surveys.get(new SurveyId(id));
    if (!binding.hasErrors()) {
      List<Question> questions = new ArrayList<>(survey.questions());
      questions.add(
          new Question(
              form.key().strip(),
              form.type(),
              new LocalizedText(form.textZh(), form.textEn()),
              options(form.options()),
              form.required(),
              null,
              null,
              null,
              null));
      try {
        surveys.change(survey.id(), new SurveyManagement.SurveyChanges(null, null, questions));
        flash.addFlashAttribute("flashSuccess", "survey.question.added");
        return "redirect:/surveys/" + id;
      } catch (ProblemException e) {
        ProblemException.FieldProblem field = e.firstField();
        binding.reject(
            field == null ? e.code() : field.code(), field == null ? e.args() : field.args(), null);
      }
    }
    return detail(id, null, null, model);
  }

  @PostMapping("/{id}/questions/{key}/delete")
  @PreAuthorize("hasAuthority('PERM_SURVEYS_MANAGE')")
  String removeQuestion(@PathVariable UUID id, @PathVariable String key, RedirectAttributes flash) {
    Survey survey = surveys.get(new SurveyId(id));
    List<Question> questions =
        survey.questions().stream().filter(q -> !q.key().equals(key)).toList();
    try {
      surveys.change(survey.id(), new SurveyManagement.SurveyChanges(null, null, questions));
      flash.addFlashAttribute("flashSuccess", "survey.question.removed");
    } catch (ProblemException e) {
      flash.addFlashAttribute(
          "flashError", e.firstField() == null ? e.code() : e.firstField().code());
    }
    return "redirect:/surveys/" + id;
  }

  private static @Nullable List<Question.Option> options(@Nullable String lines) {
    if (lines == null || lines.isBlank()) {
      return null;
    }
    List<Question.Option> options = new ArrayList<>();
    for (String line : lines.split("\\R")) {
      String text = line.strip();
      if (text.isEmpty()) {
        continue;
      }
      int eq = text.indexOf('=');
      String value = eq > 0 ? text.substring(0, eq).strip() : text;
      String label = eq > 0 ? text.substring(eq + 1).strip() : text;
      options.add(new Question.Option(value, new LocalizedText(label, label)));
    }
    return options;
  }
}
