package org.manyi.text.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;
import org.manyi.text.Keyword;
import org.manyi.text.Sentiment;
import org.manyi.text.internal.CategorySuggester;
import org.manyi.text.internal.TextAnalytics;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sentiment and keywords of texts sent by the caller. */
@RestController
@RequestMapping("/api/v1/text")
@PreAuthorize("hasAnyAuthority('PERM_CASES_READ', 'PERM_SATISFACTION_ANALYSE')")
@Tag(name = "Text analytics", description = "Sentiment and keywords, Chinese and English")
class TextApiController {

  static final int MAX_TEXTS = 1000;
  static final int MAX_CHARS = 10_000;
  static final int MAX_TOP = 100;

  private final TextAnalytics analytics;
  private final CategorySuggester suggester;

  TextApiController(TextAnalytics analytics, CategorySuggester suggester) {
    this.analytics = analytics;
    this.suggester = suggester;
  }

  record TextsRequest(@Nullable List<@Nullable String> texts, @Nullable Integer top) {}

  record KeywordsResponse(int texts, List<Keyword> keywords) {}

  @PostMapping("/sentiment")
  @Operation(
      summary =
          "Sentiment of up to 1,000 texts, in the same order: label POSITIVE, NEUTRAL or NEGATIVE,"
              + " score (confidence in the label) and positive (probability of being positive)")
  List<Sentiment> sentiment(@RequestBody TextsRequest request) {
    return analytics.sentiment(texts(request));
  }

  @PostMapping("/keywords")
  @Operation(
      summary =
          "The top keywords (TF-IDF over segmented words, stop words left out) of up to 1,000"
              + " texts taken together; top defaults to 10")
  KeywordsResponse keywords(@RequestBody TextsRequest request) {
    List<String> texts = texts(request);
    int top = request.top() == null ? 10 : request.top();
    if (top < 1 || top > MAX_TOP) {
      throw ProblemException.invalid("top", "text.top.range", MAX_TOP);
    }
    return new KeywordsResponse(texts.size(), analytics.keywords(texts, top));
  }

  record CategoryRequest(@Nullable String text) {}

  @PostMapping("/category")
  @Operation(
      summary =
          "Suggested categories for a text, learnt from the categories agents confirmed (empty"
              + " until at least 10 cases are assessed); trainedOn says from how many")
  CategorySuggester.Result category(@RequestBody CategoryRequest request, Locale locale) {
    if (request.text() == null || request.text().isBlank()) {
      throw ProblemException.invalid("text", "text.texts.required");
    }
    if (request.text().length() > TextApiController.MAX_CHARS) {
      throw ProblemException.invalid("text", "text.texts.tooLong", TextApiController.MAX_CHARS);
    }
    return suggester.suggest(request.text(), locale, 3);
  }

  private static List<String> texts(TextsRequest request) {
    List<@Nullable String> texts = request.texts();
    if (texts == null || texts.isEmpty()) {
      throw ProblemException.invalid("texts", "text.texts.required");
    }
    if (texts.size() > MAX_TEXTS) {
      throw ProblemException.invalid("texts", "text.texts.tooMany", MAX_TEXTS);
    }
    for (String t : texts) {
      if (t == null) {
        throw ProblemException.invalid("texts", "text.texts.null");
      }
      if (t.length() > MAX_CHARS) {
        throw ProblemException.invalid("texts", "text.texts.tooLong", MAX_CHARS);
      }
    }
    @SuppressWarnings("NullAway")
    List<String> checked = List.copyOf(texts);
    return checked;
  }
}
