package org.manyi.surveys.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.manyi.platform.ProblemException;
import org.manyi.surveys.QuestionType;
import org.manyi.surveys.internal.Invitations;
import org.manyi.surveys.internal.Question;
import org.manyi.surveys.internal.Survey;
import org.manyi.surveys.internal.SurveyManagement;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page a customer answers on: no sign-in, plain HTML that works in WeChat-style in-app
 * browsers, bilingual, and kind when the link is wrong or the survey closed.
 */
@Controller
class PublicSurveyController {

  static final String FORM = "surveys/public/form";
  static final String THANKS = "surveys/public/thanks";
  static final String UNAVAILABLE = "surveys/public/unavailable";
  static final String OPT_OUT = "surveys/public/opt-out";

  private final SurveyManagement surveys;
  private final Invitations invitations;

  PublicSurveyController(SurveyManagement surveys, Invitations invitations) {
    this.surveys = surveys;
    this.invitations = invitations;
  }

  @GetMapping("/s/{token}")
  ModelAndView form(@PathVariable String token, Locale locale) {
    SurveyManagement.LinkView link = surveys.open(token);
    if (link.state() == SurveyManagement.LinkState.OPEN) {
      invitations.opened(token);
    }
    return switch (link.state()) {
      case OPEN -> page(link.survey(), token, Map.of(), null, locale);
      case UNKNOWN -> unavailable("response.link.unknown", HttpStatus.NOT_FOUND);
      case CLOSED -> unavailable("response.survey.closed", HttpStatus.OK);
      case USED -> unavailable("response.link.used", HttpStatus.OK);
      case EXPIRED -> unavailable("response.link.expired", HttpStatus.OK);
    };
  }

  /** The opt-out page asks first: mail scanners open links, and opening must not unsubscribe. */
  @GetMapping("/s/{token}/opt-out")
  ModelAndView optOutPage(@PathVariable String token) {
    ModelAndView page = new ModelAndView(OPT_OUT);
    page.addObject("token", token);
    page.addObject("done", false);
    return page;
  }

  @PostMapping("/s/{token}/opt-out")
  ModelAndView optOut(@PathVariable String token) {
    if (!invitations.optOut(token)) {
      return unavailable("response.link.unknown", HttpStatus.NOT_FOUND);
    }
    ModelAndView page = new ModelAndView(OPT_OUT);
    page.addObject("token", token);
    page.addObject("done", true);
    return page;
  }

  @PostMapping("/s/{token}")
  ModelAndView submit(
      @PathVariable String token,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      HttpServletRequest request) {
    SurveyManagement.LinkView link = surveys.open(token);
    if (link.state() != SurveyManagement.LinkState.OPEN) {
      return form(token, locale);
    }
    Survey survey = link.survey();
    Map<String, Object> answers = answers(survey.questions(), form);
    try {
      surveys.answer(
          token,
          answers,
          SurveyManagement.Channel.LINK,
          locale.toLanguageTag(),
          request.getRemoteAddr());
      return new ModelAndView(THANKS);
    } catch (ProblemException e) {
      if (e.status() == HttpStatus.CONFLICT) {
        return unavailable(e.code(), HttpStatus.OK);
      }
      if (e.status() != HttpStatus.BAD_REQUEST) {
        return unavailable(e.code(), e.status());
      }
      ModelAndView page = page(survey, token, answers, e, locale);
      page.setStatus(HttpStatus.BAD_REQUEST);
      return page;
    }
  }

  private ModelAndView page(
      Survey survey,
      String token,
      Map<String, Object> answers,
      ProblemException error,
      Locale locale) {
    ModelAndView page = new ModelAndView(FORM);
    page.addObject("survey", survey);
    page.addObject("token", token);
    page.addObject("answers", answers);
    page.addObject("error", error == null ? null : error.firstField());
    page.addObject("english", "en".equals(locale.getLanguage()));
    return page;
  }

  private static ModelAndView unavailable(String code, HttpStatus status) {
    ModelAndView page = new ModelAndView(UNAVAILABLE);
    page.addObject("messageCode", code);
    page.setStatus(status);
    return page;
  }

  /**
   * Form fields to answers: {@code key}, {@code key} repeated for multiple choice, {@code key.row}.
   */
  static Map<String, Object> answers(List<Question> questions, MultiValueMap<String, String> form) {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (Question q : questions) {
      if (q.type() == QuestionType.MULTI_CHOICE) {
        List<String> chosen = form.getOrDefault(q.key(), List.of());
        if (!chosen.isEmpty()) {
          answers.put(q.key(), new ArrayList<>(chosen));
        }
      } else if (q.type() == QuestionType.LIKERT) {
        Map<String, Object> rows = new LinkedHashMap<>();
        for (Question.Option row : q.optionList()) {
          String value = form.getFirst(q.key() + "." + row.value());
          if (value != null && !value.isBlank()) {
            rows.put(row.value(), value);
          }
        }
        if (!rows.isEmpty()) {
          answers.put(q.key(), rows);
        }
      } else {
        String value = form.getFirst(q.key());
        if (value != null && !value.isBlank()) {
          answers.put(q.key(), value);
        }
      }
    }
    return answers;
  }
}
