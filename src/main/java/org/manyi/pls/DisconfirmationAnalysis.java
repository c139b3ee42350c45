package org.manyi.pls;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Expectation–disconfirmation analysis: for each attribute, how far perception fell short of or
 * exceeded expectation.
 */
public final class DisconfirmationAnalysis {

  private static final double CONFIDENCE = 0.95;

  private DisconfirmationAnalysis() {}

  /**
   * Paired answers for one attribute: {@code expected[r]} and {@code perceived[r]} come from the
   * same respondent; NaN marks a missing answer.
   */
  public record Pair(String attribute, double[] expected, double[] perceived) {

    public Pair {
      if (expected.length != perceived.length) {
        throw new IllegalArgumentException(
            "attribute '" + attribute + "': expected and perceived answers differ in count");
      }
    }
  }

  /**
   * Mean gap (perceived − expected) with a 95% t interval per attribute, worst (most negative)
   * first. Respondents missing either answer are skipped for that attribute.
   */
  public static List<GapResult> gaps(List<Pair> pairs) {
    List<GapResult> results = new ArrayList<>();
    for (Pair pair : pairs) {
      results.add(gap(pair));
    }
    results.sort(Comparator.comparingDouble(GapResult::meanGap));
    return List.copyOf(results);
  }

  private static GapResult gap(Pair pair) {
    int n = 0;
    double sum = 0;
    for (int r = 0; r < pair.expected().length; r++) {
      double d = pair.perceived()[r] - pair.expected()[r];
      if (!Double.isNaN(d)) {
        n++;
        sum += d;
      }
    }
    if (n == 0) {
      return new GapResult(pair.attribute(), 0, Double.NaN, null, null);
    }
    double mean = sum / n;
    if (n < 2) {
      return new GapResult(pair.attribute(), n, mean, null, null);
    }
    double squares = 0;
    for (int r = 0; r < pair.expected().length; r++) {
      double d = pair.perceived()[r] - pair.expected()[r];
      if (!Double.isNaN(d)) {
        squares += (d - mean) * (d - mean);
      }
    }
    double standardError = Math.sqrt(squares / (n - 1) / n);
    double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    double half = t * standardError;
    return new GapResult(pair.attribute(), n, mean, mean - half, mean + half);
  }
}
