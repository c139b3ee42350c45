package org.manyi.text.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.CaseText;
import org.manyi.cases.CaseTexts;
import org.manyi.text.Keyword;
import org.manyi.text.Sentiment;
import org.manyi.text.SentimentLabel;
import org.springframework.stereotype.Service;

/**
 * Keywords and sentiment of the cases received in a period: the words that characterise the chosen
 * cases against all cases of the period, and how many of them read positive, neutral or negative.
 */
@Service
public class TextAnalytics {

  /** More cases than this in one period are not read (the newest are). */
  public static final int MAX_CASES = 20_000;

  private final CaseTexts cases;
  private final Sentiments sentiments;
  private final KeywordExtractor keywords;

  TextAnalytics(CaseTexts cases, Sentiments sentiments, KeywordExtractor keywords) {
    this.cases = cases;
    this.sentiments = sentiments;
    this.keywords = keywords;
  }

  /**
   * The result for one period.
   *
   * @param cases how many cases were chosen
   * @param sentiment the chosen cases by sentiment label
   * @param truncated whether the period had more cases than were read
   */
  public record Report(
      int cases,
      Map<SentimentLabel, Integer> sentiment,
      List<Keyword> keywords,
      boolean truncated) {}

  /**
   * @param category only cases of this category code, or all
   * @param only only cases whose description has this sentiment, or all
   */
  public Report report(
      Instant from, Instant to, @Nullable String category, @Nullable SentimentLabel only, int top) {
    List<CaseText> all = cases.received(from, to, null, MAX_CASES);
    List<String> background = new ArrayList<>();
    List<String> chosen = new ArrayList<>();
    Map<SentimentLabel, Integer> counts = new EnumMap<>(SentimentLabel.class);
    for (SentimentLabel l : SentimentLabel.values()) {
      counts.put(l, 0);
    }
    for (CaseText c : all) {
      background.add(c.description());
      if (category != null && !category.isBlank() && !category.equals(c.category())) {
        continue;
      }
      Sentiment s = sentiments.of(c.description());
      if (only != null && s.label() != only) {
        continue;
      }
      counts.merge(s.label(), 1, Integer::sum);
      chosen.add(c.description());
    }
    return new Report(
        chosen.size(),
        counts,
        chosen.isEmpty() ? List.of() : keywords.top(chosen, background, top),
        all.size() >= MAX_CASES);
  }

  public List<Sentiment> sentiment(List<String> texts) {
    return sentiments.of(texts);
  }

  public List<Keyword> keywords(List<String> texts, int top) {
    return keywords.top(texts, top);
  }
}
