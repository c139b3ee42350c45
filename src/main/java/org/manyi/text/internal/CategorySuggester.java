package org.manyi.text.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.manyi.cases.CaseText;
import org.manyi.cases.CaseTexts;
import org.manyi.text.CategorySuggestion;
import org.springframework.stereotype.Service;

/**
 * Suggests a case category from its text, learning from the cases agents have assessed: the model
 * is trained on their descriptions and confirmed categories and trained again when it is older than
 * ten minutes. Too few assessed cases give no suggestion rather than a guess.
 */
@Service
public class CategorySuggester {

  public static final int MIN_EXAMPLES = 10;
  static final Duration MAX_AGE = Duration.ofMinutes(10);
  static final int MAX_EXAMPLES = 20_000;

  private final CaseTexts cases;
  private final KeywordExtractor keywords;
  private final Clock clock = Clock.systemUTC();
  private volatile CategoryModel model;
  private volatile Instant trainedAt = Instant.EPOCH;

  CategorySuggester(CaseTexts cases, KeywordExtractor keywords) {
    this.cases = cases;
    this.keywords = keywords;
    this.model = CategoryModel.train(List.of(), this::features);
  }

  /** The suggestions with the number of assessed cases they were learnt from. */
  public record Result(int trainedOn, List<CategorySuggestion> suggestions) {}

  public Result suggest(String text, Locale locale, int limit) {
    CategoryModel m = current();
    if (m.trainedOn() < MIN_EXAMPLES || text.isBlank()) {
      return new Result(m.trainedOn(), List.of());
    }
    Map<String, String> names = cases.categories(locale);
    return new Result(
        m.trainedOn(),
        m.classify(text, limit).stream()
            .map(
                s ->
                    new CategorySuggestion(
                        s.category(),
                        names.getOrDefault(s.category(), s.category()),
                        Math.round(s.probability() * 1000) / 1000.0))
            .toList());
  }

  /** Trains again now (after many assessments, or in tests). */
  public synchronized void retrain() {
    Instant now = clock.instant();
    List<CategoryModel.Labelled> examples = new ArrayList<>();
    for (CaseText c : cases.received(Instant.EPOCH, now.plusSeconds(1), null, MAX_EXAMPLES)) {
      if (c.category() != null) {
        examples.add(new CategoryModel.Labelled(c.description(), c.category()));
      }
    }
    model = CategoryModel.train(examples, this::features);
    trainedAt = now;
  }

  private CategoryModel current() {
    if (Duration.between(trainedAt, clock.instant()).compareTo(MAX_AGE) > 0) {
      retrain();
    }
    return model;
  }

  /** Words, plus the bigrams of Chinese characters so differently segmented words still meet. */
  List<String> features(String text) {
    List<String> features = new ArrayList<>(keywords.words(text));
    for (int i = 0; i + 1 < text.length(); i++) {
      char a = text.charAt(i);
      char b = text.charAt(i + 1);
      if (Character.UnicodeScript.of(a) == Character.UnicodeScript.HAN
          && Character.UnicodeScript.of(b) == Character.UnicodeScript.HAN) {
        features.add("#" + a + b);
      }
    }
    return features;
  }
}
