package org.manyi.text.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.CaseTexts;
import org.manyi.text.SentimentLabel;
import org.manyi.text.internal.TextAnalytics;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The keywords page: top words of case descriptions per category and period (negative ones, by
 * default), with the sentiment split and a chart; and a box to try sentiment and keywords on any
 * text.
 */
@Controller
@RequestMapping("/text")
@PreAuthorize("hasAnyAuthority('PERM_CASES_MANAGE', 'PERM_SATISFACTION_ANALYSE')")
class TextController {

  static final String PAGE = "text/keywords";
  static final String RESULT = "text/keywords :: result";
  static final String TRY = "text/keywords :: tried";
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final int TOP = 20;

  private final TextAnalytics analytics;
  private final CaseTexts cases;

  TextController(TextAnalytics analytics, CaseTexts cases) {
    this.analytics = analytics;
    this.cases = cases;
  }

  @GetMapping("/keywords")
  String keywords(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @RequestParam(required = false) @Nullable String category,
      @RequestParam(required = false, defaultValue = "NEGATIVE") String sentiment,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
      Locale locale,
      Model model) {
    LocalDate end = to == null ? LocalDate.now(ZONE) : to;
    LocalDate start = from == null ? end.minusDays(29) : from;
    if (start.isAfter(end)) {
      LocalDate swap = start;
      start = end;
      end = swap;
    }
    SentimentLabel only = "ALL".equals(sentiment) ? null : parse(sentiment);
    Instant a = start.atStartOfDay(ZONE).toInstant();
    Instant b = end.plusDays(1).atStartOfDay(ZONE).toInstant();
    model.addAttribute("from", start);
    model.addAttribute("to", end);
    model.addAttribute("category", category == null ? "" : category);
    model.addAttribute("sentiment", only == null ? "ALL" : only.name());
    model.addAttribute("labels", SentimentLabel.values());
    model.addAttribute("categories", cases.categories(locale));
    model.addAttribute("report", analytics.report(a, b, category, only, TOP));
    return htmx != null ? RESULT : PAGE;
  }

  @PostMapping("/analyse")
  String analyse(@RequestParam(required = false) @Nullable String text, Model model) {
    String t = text == null ? "" : text.strip();
    if (t.length() > TextApiController.MAX_CHARS) {
      t = t.substring(0, TextApiController.MAX_CHARS);
    }
    model.addAttribute("text", t);
    model.addAttribute(
        "sentimentResult", t.isEmpty() ? null : analytics.sentiment(List.of(t)).get(0));
    model.addAttribute("words", t.isEmpty() ? List.of() : analytics.keywords(List.of(t), 10));
    return TRY;
  }

  private static @Nullable SentimentLabel parse(String s) {
    try {
      return SentimentLabel.valueOf(s);
    } catch (IllegalArgumentException unknown) {
      return SentimentLabel.NEGATIVE;
    }
  }
}
