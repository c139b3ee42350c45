package org.manyi.text.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.manyi.text.Sentiment;
import org.manyi.text.SentimentLabel;
import org.springframework.stereotype.Component;

/**
 * Sentiment of customers' texts. Texts with Chinese characters go to the shipped model ({@code
 * text/sentiment-zh.tsv.gz}, trained on hotel reviews, see docs/text-analytics.md for how it is
 * made and evaluated); others to the English lexicon. A probability of being positive between 0.4
 * and 0.6 is NEUTRAL.
 */
@Component
public class Sentiments {

  public static final String MODEL = "/text/sentiment-zh.tsv.gz";
  static final double NEUTRAL_BAND = 0.1;

  private final SentimentModel model;

  Sentiments() {
    this(load());
  }

  public Sentiments(SentimentModel model) {
    this.model = model;
  }

  public static SentimentModel load() {
    try (InputStream in = Sentiments.class.getResourceAsStream(MODEL)) {
      if (in == null) {
        throw new IllegalStateException("the sentiment model " + MODEL + " is missing");
      }
      return SentimentModel.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Sentiment of(String text) {
    double p;
    if (hasChinese(text)) {
      p = model.positive(text);
    } else {
      int score = EnglishLexicon.score(text);
      p = 1 / (1 + Math.exp(-1.2 * score));
    }
    SentimentLabel label;
    double score;
    if (Math.abs(p - 0.5) < NEUTRAL_BAND) {
      label = SentimentLabel.NEUTRAL;
      score = 1 - Math.abs(p - 0.5) / NEUTRAL_BAND / 2;
    } else if (p > 0.5) {
      label = SentimentLabel.POSITIVE;
      score = p;
    } else {
      label = SentimentLabel.NEGATIVE;
      score = 1 - p;
    }
    return new Sentiment(label, round(score), round(p));
  }

  public List<Sentiment> of(List<String> texts) {
    return texts.stream().map(this::of).toList();
  }

  static boolean hasChinese(String text) {
    return text.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
