package org.manyi.pls;

import static org.manyi.pls.KanoCategory.ATTRACTIVE;
import static org.manyi.pls.KanoCategory.INDIFFERENT;
import static org.manyi.pls.KanoCategory.MUST_BE;
import static org.manyi.pls.KanoCategory.ONE_DIMENSIONAL;
import static org.manyi.pls.KanoCategory.QUESTIONABLE;
import static org.manyi.pls.KanoCategory.REVERSE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Classifies functional/dysfunctional answer pairs with the standard Kano evaluation table. */
public final class KanoAnalysis {

  /**
   * Rows: functional answer, columns: dysfunctional answer, both in {@link KanoAnswer} order (like,
   * must-be, neutral, live-with, dislike).
   */
  private static final KanoCategory[][] EVALUATION_TABLE = {
    {QUESTIONABLE, ATTRACTIVE, ATTRACTIVE, ATTRACTIVE, ONE_DIMENSIONAL},
    {REVERSE, INDIFFERENT, INDIFFERENT, INDIFFERENT, MUST_BE},
    {REVERSE, INDIFFERENT, INDIFFERENT, INDIFFERENT, MUST_BE},
    {REVERSE, INDIFFERENT, INDIFFERENT, INDIFFERENT, MUST_BE},
    {REVERSE, REVERSE, REVERSE, REVERSE, QUESTIONABLE}
  };

  /** Tie-break order for the dominant category: the stronger influence on satisfaction first. */
  private static final List<KanoCategory> PRIORITY =
      List.of(MUST_BE, ONE_DIMENSIONAL, ATTRACTIVE, INDIFFERENT, REVERSE, QUESTIONABLE);

  private KanoAnalysis() {}

  /** One respondent's answers about one attribute. */
  public record Pair(KanoAnswer functional, KanoAnswer dysfunctional) {}

  /** The category of one answer pair. */
  public static KanoCategory classify(KanoAnswer functional, KanoAnswer dysfunctional) {
    return EVALUATION_TABLE[functional.ordinal()][dysfunctional.ordinal()];
  }

  /** Counts, dominant category and Better/Worse coefficients for one attribute. */
  public static KanoResult analyse(String attribute, List<Pair> pairs) {
    Map<KanoCategory, Integer> counts = new EnumMap<>(KanoCategory.class);
    for (KanoCategory category : KanoCategory.values()) {
      counts.put(category, 0);
    }
    for (Pair pair : pairs) {
      counts.merge(classify(pair.functional(), pair.dysfunctional()), 1, Integer::sum);
    }
    KanoCategory dominant = null;
    int best = 0;
    for (KanoCategory category : PRIORITY) {
      if (counts.get(category) > best) {
        best = counts.get(category);
        dominant = category;
      }
    }
    int a = counts.get(ATTRACTIVE);
    int o = counts.get(ONE_DIMENSIONAL);
    int m = counts.get(MUST_BE);
    int i = counts.get(INDIFFERENT);
    int relevant = a + o + m + i;
    Double better = relevant == 0 ? null : (double) (a + o) / relevant;
    Double worse = relevant == 0 ? null : -(double) (o + m) / relevant;
    return new KanoResult(
        attribute, pairs.size(), Collections.unmodifiableMap(counts), dominant, better, worse);
  }

  /**
   * Analyses answers coded 1 (like) to 5 (dislike) as two parallel columns, e.g. from a CSV upload.
   * Respondents with a missing (NaN) answer in either column are skipped.
   *
   * @throws IllegalArgumentException when the columns differ in length or hold another code
   */
  public static KanoResult analyse(String attribute, double[] functional, double[] dysfunctional) {
    if (functional.length != dysfunctional.length) {
      throw new IllegalArgumentException(
          "attribute '" + attribute + "': functional and dysfunctional answers differ in count");
    }
    List<Pair> pairs = new ArrayList<>();
    for (int r = 0; r < functional.length; r++) {
      if (Double.isNaN(functional[r]) || Double.isNaN(dysfunctional[r])) {
        continue;
      }
      pairs.add(new Pair(code(attribute, functional[r]), code(attribute, dysfunctional[r])));
    }
    return analyse(attribute, pairs);
  }

  private static KanoAnswer code(String attribute, double value) {
    if (value != Math.rint(value)) {
      throw new IllegalArgumentException(
          "attribute '" + attribute + "': Kano answers are whole codes 1 to 5, got " + value);
    }
    try {
      return KanoAnswer.ofCode((int) value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("attribute '" + attribute + "': " + e.getMessage(), e);
    }
  }
}
