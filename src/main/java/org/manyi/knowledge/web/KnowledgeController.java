package org.manyi.knowledge.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.CurrentUser;
import org.manyi.knowledge.ArticleHit;
import org.manyi.knowledge.ArticleId;
import org.manyi.knowledge.internal.Article;
import org.manyi.knowledge.internal.ArticleLanguage;
import org.manyi.knowledge.internal.ArticleStatus;
import org.manyi.knowledge.internal.ArticleText;
import org.manyi.knowledge.internal.KnowledgeBase;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * The knowledge base for staff: the list with search (an htmx fragment for the results), the
 * editor, publishing and deleting; and a small suggestions fragment for agents typing a case.
 */
@Controller
@RequestMapping("/knowledge")
@PreAuthorize("hasAnyAuthority('PERM_CASES_READ', 'PERM_KNOWLEDGE_MANAGE')")
class KnowledgeController {

  static final String LIST = "knowledge/list";
  static final String ROWS = "knowledge/list :: rows";
  static final String FORM = "knowledge/form";
  static final String SUGGESTIONS = "knowledge/suggestions :: suggestions";
  static final int PAGE_SIZE = 25;

  private final KnowledgeBase kb;

  KnowledgeController(KnowledgeBase kb) {
    this.kb = kb;
  }

  /** What the editor holds, kept as typed when shown again with errors. */
  record ArticleForm(
      @Nullable String title,
      @Nullable String body,
      @Nullable String category,
      @Nullable String tags,
      @Nullable ArticleLanguage language) {

    ArticleText text() {
      return new ArticleText(title, body, category, tags, language);
    }

    static ArticleForm of(Article a) {
      return new ArticleForm(
          a.title(), a.body(), a.category(), String.join(", ", a.tags()), a.language());
    }
  }

  @GetMapping
  String list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable ArticleStatus status,
      @RequestParam(required = false) @Nullable String category,
      @RequestParam(defaultValue = "0") int page,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    boolean searching = q != null && !q.isBlank();
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("status", status);
    model.addAttribute("category", category == null ? "" : category);
    model.addAttribute("searching", searching);
    model.addAttribute("filtered", searching || status != null || hasText(category));
    model.addAttribute("statuses", ArticleStatus.values());
    model.addAttribute("categories", kb.categories());
    if (searching) {
      model.addAttribute("hits", kb.searchAll(q, status, 50));
    } else {
      model.addAttribute("articles", kb.list(status, category, new PageRequest(page, PAGE_SIZE)));
      StringBuilder base = new StringBuilder("/knowledge?");
      if (status != null) {
        base.append("status=").append(status).append('&');
      }
      if (hasText(category)) {
        base.append("category=")
            .append(java.net.URLEncoder.encode(category, java.nio.charset.StandardCharsets.UTF_8))
            .append('&');
      }
      model.addAttribute("baseUrl", base.toString());
    }
    return htmx != null ? ROWS : LIST;
  }

  /** Published articles for what an agent is typing, as a small fragment. */
  @GetMapping("/suggest")
  String suggest(
      @RequestParam(required = false) @Nullable String description,
      @RequestParam(required = false) @Nullable String q,
      Model model) {
    String text = hasText(q) ? q : description;
    List<ArticleHit> hits = hasText(text) ? kb.search(text, null, 5) : List.of();
    model.addAttribute("hits", hits);
    model.addAttribute("linkBase", "/knowledge/");
    return SUGGESTIONS;
  }

  @GetMapping("/new")
  @PreAuthorize("hasAuthority('PERM_KNOWLEDGE_MANAGE')")
  String newForm(Model model) {
    model.addAttribute("form", new ArticleForm(null, null, null, null, ArticleLanguage.ZH));
    return form(model, null, Map.of());
  }

  /** The editor filled with a resolved case's text ("save as knowledge article"); saves nothing. */
  @PostMapping("/prefill")
  @PreAuthorize("hasAuthority('PERM_KNOWLEDGE_MANAGE')")
  String prefill(
      @RequestParam(required = false) @Nullable String body,
      @RequestParam(required = false) @Nullable String category,
      Model model) {
    model.addAttribute("form", new ArticleForm(null, body, category, null, ArticleLanguage.ZH));
    return form(model, null, Map.of());
  }

  @PostMapping
  @PreAuthorize("hasAuthority('PERM_KNOWLEDGE_MANAGE')")
  String create(ArticleForm form, CurrentUser me, Model model, RedirectAttributes flash) {
    try {
      Article a = kb.create(form.text(), me);
      flash.addFlashAttribute("flashSuccess", "kb.created");
      return "redirect:/knowledge/" + a.id();
    } catch (ProblemException e) {
      model.addAttribute("form", form);
      return form(model, null, errors(e));
    }
  }

  @GetMapping("/{id}")
  String edit(@PathVariable UUID id, Model model) {
    Article a = kb.get(new ArticleId(id));
    model.addAttribute("form", ArticleForm.of(a));
    return form(model, a, Map.of());
  }

  @PostMapping("/{id}")
  @PreAuthorize("hasAuthority('PERM_KNOWLEDGE_MANAGE')")
  String update(@PathVariable UUID id, ArticleForm form, Model model, RedirectAttributes flash) {
    Article a = kb.get(new ArticleId(id));
    try {
      kb.update(a.id(), form.text());
      flash.addFlashAttribute("flashSuccess", "kb.saved");
      return "redirect:/knowledge/" + id;
    } catch (ProblemException e) {
      if (e.firstField() == null) {
        throw e;
      }
      model.addAttribute("form", form);
      return form(model, a, errors(e));
    }
  }

  @PostMapping("/{id}/publish")
  @PreAuthorize("hasAuthority('PERM_KNOWLEDGE_MANAGE')")
  String publish(@PathVariable UUID id, RedirectAttributes flash) {
    return act(id, flash, "kb.publishedNow", () -> kb.publish(new ArticleId(id)));
  }

  @PostMapping("/{id}/withdraw")
  @PreAuthorize("hasAuthority('PERM_KNOWLEDGE_MANAGE')")
  String withdraw(@PathVariable UUID id, RedirectAttributes flash) {
    return act(id, flash, "kb.withdrawnNow", () -> kb.withdraw(new ArticleId(id)));
  }

  @PostMapping("/{id}/delete")
  @PreAuthorize("hasAuthority('PERM_KNOWLEDGE_MANAGE')")
  String delete(@PathVariable UUID id, RedirectAttributes flash) {
    kb.delete(new ArticleId(id));
    flash.addFlashAttribute("flashSuccess", "kb.deleted");
    return "redirect:/knowledge";
  }

  private String act(UUID id, RedirectAttributes flash, String success, Runnable action) {
    try {
      action.run();
      flash.addFlashAttribute("flashSuccess", success);
    } catch (ProblemException e) {
      if (e.status().value() == 404) {
        throw e;
      }
      flash.addFlashAttribute("flashError", e.code());
    }
    return "redirect:/knowledge/" + id;
  }

  private String form(Model model, @Nullable Article article, Map<String, String> errors) {
    model.addAttribute("article", article);
    model.addAttribute("errors", errors);
    model.addAttribute("languages", ArticleLanguage.values());
    model.addAttribute("categories", kb.categories());
    return FORM;
  }

  private static Map<String, String> errors(ProblemException e) {
    Map<String, String> errors = new LinkedHashMap<>();
    ProblemException.FieldProblem field = e.firstField();
    errors.put(field == null ? "title" : field.field(), field == null ? e.code() : field.code());
    return errors;
  }

  private static boolean hasText(@Nullable String s) {
    return s != null && !s.isBlank();
  }
}
