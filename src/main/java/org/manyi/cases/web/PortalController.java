package org.manyi.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.internal.CaseType;
import org.manyi.cases.internal.PortalCase;
import org.manyi.cases.internal.PortalCases;
import org.manyi.cases.internal.PortalLimits;
import org.manyi.cases.internal.PortalSubmission;
import org.manyi.cases.internal.Reaction;
import org.manyi.knowledge.ArticleHit;
import org.manyi.knowledge.ArticleId;
import org.manyi.knowledge.KnowledgeSearch;
import org.manyi.platform.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The self-service portal for customers, without staff sign-in: knowledge search and articles with
 * a "helpful?" vote, the feedback form (with suggested articles while typing), and following a case
 * by number plus a mailed one-time code. The access token of a verified case is kept in the
 * browser's session only. Forms carry CSRF tokens like every page.
 */
@Controller
@RequestMapping("/portal")
class PortalController {

  static final String HOME = "portal/home";
  static final String RESULTS = "portal/home :: results";
  static final String ARTICLE = "portal/article";
  static final String SUBMIT = "portal/submit";
  static final String SUBMITTED = "portal/submitted";
  static final String FOLLOW = "portal/follow";
  static final String CASE = "portal/case";
  static final String SUGGESTIONS = "knowledge/suggestions :: suggestions";
  static final String TOKENS = "portal.tokens";
  static final String VOTED = "portal.voted";

  private final PortalCases portal;
  private final PortalLimits limits;
  private final KnowledgeSearch kb;

  PortalController(PortalCases portal, PortalLimits limits, KnowledgeSearch kb) {
    this.portal = portal;
    this.limits = limits;
    this.kb = kb;
  }

  @GetMapping
  String home(
      @RequestParam(required = false) @Nullable String q,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
      Locale locale,
      Model model) {
    boolean searching = q != null && !q.isBlank();
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("searching", searching);
    model.addAttribute("hits", searching ? kb.search(q, language(locale), 20) : List.of());
    return htmx != null ? RESULTS : HOME;
  }

  @GetMapping("/kb/{id}")
  String article(@PathVariable UUID id, Model model) {
    model.addAttribute(
        "article",
        kb.published(new ArticleId(id))
            .orElseThrow(() -> ProblemException.notFound("kb.notFound")));
    return ARTICLE;
  }

  /** One vote per article and browser session; more are thanked but not counted. */
  @PostMapping("/kb/{id}/vote")
  String vote(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "true") boolean helpful,
      HttpSession session,
      HttpServletRequest request,
      RedirectAttributes flash) {
    Set<UUID> voted = sessionSet(session);
    if (voted.add(id)) {
      try {
        limits.take("vote", request.getRemoteAddr(), 60);
        kb.vote(new ArticleId(id), helpful);
      } catch (ProblemException e) {
        if (e.status().value() == 404) {
          throw e;
        }
      }
      session.setAttribute(VOTED, voted);
    }
    flash.addFlashAttribute("flashSuccess", "portal.vote.thanks");
    return "redirect:/portal/kb/" + id;
  }

  /** Published articles for what the customer is typing. */
  @GetMapping("/suggest")
  String suggest(
      @RequestParam(required = false) @Nullable String description, Locale locale, Model model) {
    List<ArticleHit> hits =
        description == null || description.isBlank()
            ? List.of()
            : kb.search(description, language(locale), 5);
    model.addAttribute("hits", hits);
    model.addAttribute("linkBase", "/portal/kb/");
    return SUGGESTIONS;
  }

  @GetMapping("/submit")
  String submitForm(@RequestParam(required = false) @Nullable CaseType type, Model model) {
    model.addAttribute(
        "form",
        new PortalSubmission(
            type != null && PortalCases.types().contains(type) ? type : CaseType.COMPLAINT,
            null,
            null,
            null,
            null,
            null));
    return submitForm(model, Map.of());
  }

  private String submitForm(Model model, Map<String, String> errors) {
    model.addAttribute("types", PortalCases.types());
    model.addAttribute("errors", errors);
    return SUBMIT;
  }

  @PostMapping("/submit")
  String submit(
      PortalSubmission form,
      HttpServletRequest request,
      Locale locale,
      Model model,
      RedirectAttributes flash) {
    try {
      String number = portal.submit(form, request.getRemoteAddr(), locale);
      flash.addFlashAttribute("number", number);
      return "redirect:/portal/submitted";
    } catch (ProblemException e) {
      model.addAttribute("form", form);
      return submitForm(model, errors(e, "description"));
    }
  }

  @GetMapping("/submitted")
  String submitted(Model model) {
    if (!model.containsAttribute("number")) {
      return "redirect:/portal";
    }
    return SUBMITTED;
  }

  @GetMapping("/follow")
  String follow(
      @RequestParam(required = false) @Nullable String number,
      @RequestParam(required = false) @Nullable String email,
      Model model) {
    model.addAttribute("number", number == null ? "" : number);
    model.addAttribute("email", email == null ? "" : email);
    if (!model.containsAttribute("codeSent")) {
      model.addAttribute("codeSent", false);
    }
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return FOLLOW;
  }

  /** A language switch on a page answered to a form post lands here: start again. */
  @GetMapping({"/follow/code", "/follow/verify"})
  String followAgain() {
    return "redirect:/portal/follow";
  }

  @PostMapping("/follow/code")
  String requestCode(
      @RequestParam(required = false) @Nullable String number,
      @RequestParam(required = false) @Nullable String email,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("number", number == null ? "" : number.strip());
    model.addAttribute("email", email == null ? "" : email.strip());
    try {
      portal.requestCode(number, email, request.getRemoteAddr());
      model.addAttribute("codeSent", true);
      model.addAttribute("errors", Map.of());
    } catch (ProblemException e) {
      model.addAttribute("codeSent", false);
      model.addAttribute("errors", errors(e, "number"));
    }
    return FOLLOW;
  }

  @PostMapping("/follow/verify")
  String verify(
      @RequestParam(required = false) @Nullable String number,
      @RequestParam(required = false) @Nullable String code,
      HttpServletRequest request,
      HttpSession session,
      Model model) {
    try {
      String token = portal.verify(number, code, request.getRemoteAddr());
      String n = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
      Map<String, String> tokens = tokens(session);
      tokens.put(n, token);
      session.setAttribute(TOKENS, tokens);
      // a new session ID once the customer proved the address, against session fixation
      request.changeSessionId();
      return "redirect:/portal/cases/" + n;
    } catch (ProblemException e) {
      model.addAttribute("number", number == null ? "" : number.strip());
      model.addAttribute("email", "");
      model.addAttribute("codeSent", true);
      model.addAttribute("errors", errors(e, "code"));
      return FOLLOW;
    }
  }

  @GetMapping("/cases/{number}")
  String view(@PathVariable String number, HttpSession session, Model model) {
    String token = tokens(session).get(number);
    if (token == null) {
      return "redirect:/portal/follow?number=" + number;
    }
    PortalCase c;
    try {
      c = portal.view(number, token);
    } catch (ProblemException expired) {
      return "redirect:/portal/follow?number=" + number;
    }
    model.addAttribute("c", c);
    model.addAttribute("reactions", List.of(Reaction.ACCEPTED, Reaction.REJECTED));
    return CASE;
  }

  @PostMapping("/cases/{number}/messages")
  String message(
      @PathVariable String number,
      @RequestParam(required = false) @Nullable String text,
      HttpSession session,
      HttpServletRequest request,
      RedirectAttributes flash) {
    return act(
        number,
        flash,
        "portal.message.sent",
        () -> portal.message(number, tokens(session).get(number), text, request.getRemoteAddr()));
  }

  @PostMapping("/cases/{number}/reaction")
  String reaction(
      @PathVariable String number,
      @RequestParam(required = false) @Nullable Reaction reaction,
      @RequestParam(required = false) @Nullable Integer satisfaction,
      @RequestParam(required = false) @Nullable String note,
      HttpSession session,
      RedirectAttributes flash) {
    return act(
        number,
        flash,
        reaction == Reaction.REJECTED ? "portal.reaction.rejected" : "portal.reaction.accepted",
        () -> portal.react(number, tokens(session).get(number), reaction, satisfaction, note));
  }

  private String act(String number, RedirectAttributes flash, String success, Runnable action) {
    try {
      action.run();
      flash.addFlashAttribute("flashSuccess", success);
    } catch (ProblemException e) {
      if (e.status().value() == 404) {
        return "redirect:/portal/follow?number=" + number;
      }
      ProblemException.FieldProblem field = e.firstField();
      flash.addFlashAttribute("flashError", field == null ? e.code() : field.code());
    }
    return "redirect:/portal/cases/" + number;
  }

  private static Map<String, String> errors(ProblemException e, String fallbackField) {
    Map<String, String> errors = new LinkedHashMap<>();
    ProblemException.FieldProblem field = e.firstField();
    errors.put(
        field == null ? fallbackField : field.field(), field == null ? e.code() : field.code());
    return errors;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> tokens(HttpSession session) {
    Object value = session.getAttribute(TOKENS);
    return value instanceof Map<?, ?> map ? (Map<String, String>) map : new HashMap<>();
  }

  @SuppressWarnings("unchecked")
  private static Set<UUID> sessionSet(HttpSession session) {
    Object value = session.getAttribute(VOTED);
    return value instanceof Set<?> set ? (Set<UUID>) set : new HashSet<>();
  }

  private static String language(Locale locale) {
    return "en".equals(locale.getLanguage()) ? "EN" : "ZH";
  }
}
