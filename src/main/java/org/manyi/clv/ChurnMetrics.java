package org.manyi.clv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Backtest metrics of a churn-risk ranking: scores (higher = more likely to churn) against observed
 * labels (true = churned).
 */
public final class ChurnMetrics {

  /** Number of bins of the calibration table and the "top decile" of the ranking. */
  public static final int DECILES = 10;

  private ChurnMetrics() {}

  /**
   * Ranking quality in the top fraction of customers.
   *
   * @param flagged customers in the top fraction
   * @param precision share of churners among the flagged
   * @param recall share of all churners that are flagged
   * @param lift precision divided by the overall churn rate
   */
  public record TopFraction(int flagged, double precision, double recall, double lift) {}

  /**
   * Quality at a score threshold (flag when score &gt;= threshold).
   *
   * @param threshold the threshold
   * @param flagged customers flagged
   * @param precision share of churners among the flagged (NaN when none is flagged)
   * @param recall share of all churners flagged
   */
  public record AtThreshold(double threshold, int flagged, double precision, double recall) {}

  /**
   * One bin of the calibration table: customers in a decile of predicted risk.
   *
   * @param decile 1 = lowest predicted risk, 10 = highest
   * @param customers customers in the bin
   * @param meanPredicted mean score in the bin
   * @param observedRate observed churn rate in the bin
   */
  public record CalibrationBin(
      int decile, int customers, double meanPredicted, double observedRate) {}

  /**
   * Area under the ROC curve as the Mann-Whitney statistic: the probability that a random churner
   * scores above a random non-churner, ties counting one half (mid-ranks).
   *
   * @throws IllegalArgumentException when the arrays differ in length or one class is empty
   */
  public static double auc(double[] scores, boolean[] churned) {
    int n = check(scores, churned);
    Integer[] order = sortedIndices(scores);
    double positiveRankSum = 0;
    int positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1; // ranks are 1-based
      for (int k = i; k <= j; k++) {
        if (churned[order[k]]) {
          positiveRankSum += midRank;
          positives++;
        }
      }
      i = j + 1;
    }
    int negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException("AUC needs both churners and non-churners");
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** Precision, recall and lift among the top {@code 1/DECILES} of scores. */
  public static TopFraction topDecile(double[] scores, boolean[] churned) {
    return top(scores, churned, 1.0 / DECILES);
  }

  /** Precision, recall and lift among the top {@code fraction} of scores (ties broken by order). */
  public static TopFraction top(double[] scores, boolean[] churned, double fraction) {
    int n = check(scores, churned);
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1], was " + fraction);
    }
    Integer[] order = sortedIndices(scores);
    int flagged = Math.max(1, (int) Math.round(fraction * n));
    int hits = 0;
    for (int k = n - flagged; k < n; k++) {
      if (churned[order[k]]) {
        hits++;
      }
    }
    int churners = count(churned);
    double precision = hits / (double) flagged;
    double base = churners / (double) n;
    return new TopFraction(
        flagged,
        precision,
        churners == 0 ? Double.NaN : hits / (double) churners,
        precision / base);
  }

  /** Precision and recall when flagging every customer with score &gt;= threshold. */
  public static AtThreshold atThreshold(double[] scores, boolean[] churned, double threshold) {
    int n = check(scores, churned);
    int flagged = 0;
    int hits = 0;
    for (int i = 0; i < n; i++) {
      if (scores[i] >= threshold) {
        flagged++;
        if (churned[i]) {
          hits++;
        }
      }
    }
    int churners = count(churned);
    return new AtThreshold(
        threshold,
        flagged,
        flagged == 0 ? Double.NaN : hits / (double) flagged,
        churners == 0 ? Double.NaN : hits / (double) churners);
  }

  /**
   * The lowest threshold whose flagged customers reach the target precision, i.e. the one that
   * catches the most churners at that precision; empty when no threshold reaches it. Thresholds are
   * the observed scores, so the precision is the one the backtest actually saw.
   *
   * @param targetPrecision wanted share of churners among the flagged, in (0, 1]
   */
  public static java.util.Optional<AtThreshold> thresholdForPrecision(
      double[] scores, boolean[] churned, double targetPrecision) {
    int n = check(scores, churned);
    if (!(targetPrecision > 0 && targetPrecision <= 1)) {
      throw new IllegalArgumentException(
          "target precision must be in (0, 1], was " + targetPrecision);
    }
    Integer[] order = sortedIndices(scores);
    int churners = count(churned);
    int flagged = 0;
    int hits = 0;
    AtThreshold best = null;
    // walk down from the highest score; a threshold sits between groups of equal scores
    int k = n - 1;
    while (k >= 0) {
      double score = scores[order[k]];
      while (k >= 0 && scores[order[k]] == score) {
        flagged++;
        hits += churned[order[k]] ? 1 : 0;
        k--;
      }
      double precision = hits / (double) flagged;
      if (precision >= targetPrecision) {
        best =
            new AtThreshold(
                score, flagged, precision, churners == 0 ? Double.NaN : hits / (double) churners);
      }
    }
    return java.util.Optional.ofNullable(best);
  }

  /** Deciles of predicted risk against the observed churn rate (equal-count bins). */
  public static List<CalibrationBin> calibration(double[] scores, boolean[] churned) {
    int n = check(scores, churned);
    Integer[] order = sortedIndices(scores);
    List<CalibrationBin> bins = new ArrayList<>();
    for (int d = 0; d < DECILES; d++) {
      int from = (int) ((long) d * n / DECILES);
      int to = (int) ((long) (d + 1) * n / DECILES);
      if (to == from) {
        continue;
      }
      double predicted = 0;
      int hits = 0;
      for (int k = from; k < to; k++) {
        predicted += scores[order[k]];
        if (churned[order[k]]) {
          hits++;
        }
      }
      bins.add(
          new CalibrationBin(
              d + 1, to - from, predicted / (to - from), hits / (double) (to - from)));
    }
    return bins;
  }

  private static int check(double[] scores, boolean[] churned) {
    if (scores.length != churned.length) {
      throw new IllegalArgumentException(
          "scores and labels differ in length: " + scores.length + " vs " + churned.length);
    }
    if (scores.length == 0) {
      throw new IllegalArgumentException("no customers to evaluate");
    }
    for (double s : scores) {
      if (Double.isNaN(s)) {
        throw new IllegalArgumentException("scores must not be NaN");
      }
    }
    return scores.length;
  }

  private static Integer[] sortedIndices(double[] scores) {
    Integer[] order = new Integer[scores.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (p, q) -> Double.compare(scores[p], scores[q]));
    return order;
  }

  private static int count(boolean[] flags) {
    int c = 0;
    for (boolean f : flags) {
      if (f) {
        c++;
      }
    }
    return c;
  }
}
