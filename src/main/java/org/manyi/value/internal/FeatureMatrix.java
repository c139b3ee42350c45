package org.manyi.value.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The customers' behaviour as standardised columns (mean 0, standard deviation 1), ready for
 * k-means. Counts and money are taken on a log scale first, since a few very large customers would
 * otherwise stretch the scale so far that everybody else looks alike. A missing satisfaction score
 * is set to the mean (0 after standardising), so it pulls no customer anywhere. The category and
 * channel shares get a weight of 1/√columns each, so that a mix counts about as much as one feature
 * in the distance, however many categories there are.
 */
final class FeatureMatrix {

  static final int MAX_CATEGORIES = 6;
  static final int MAX_CHANNELS = 4;

  /** One column: the feature, its category or channel, and its weight in the distance. */
  record Column(ClusterFeature feature, @Nullable String label, double weight) {}

  private final List<Column> columns;
  private final double[][] points;

  private FeatureMatrix(List<Column> columns, double[][] points) {
    this.columns = columns;
    this.points = points;
  }

  List<Column> columns() {
    return columns;
  }

  /** Row per customer in the order given; each value standardised and weighted. */
  double[][] points() {
    return points;
  }

  /** The standardised value without the weight, for describing clusters. */
  double unweighted(int row, int column) {
    return points[row][column] / columns.get(column).weight();
  }

  static FeatureMatrix of(List<BehaviourRow> rows) {
    List<Column> columns = new ArrayList<>();
    List<double[]> raw = new ArrayList<>();
    int n = rows.size();
    columns.add(new Column(ClusterFeature.RECENCY, null, 1));
    raw.add(rows.stream().mapToDouble(BehaviourRow::recencyDays).toArray());
    columns.add(new Column(ClusterFeature.FREQUENCY, null, 1));
    raw.add(rows.stream().mapToDouble(r -> Math.log1p(r.frequency())).toArray());
    columns.add(new Column(ClusterFeature.MONETARY, null, 1));
    raw.add(rows.stream().mapToDouble(r -> Math.log1p(Math.max(0, r.monetary()))).toArray());
    columns.add(new Column(ClusterFeature.AVERAGE_ORDER, null, 1));
    raw.add(rows.stream().mapToDouble(r -> Math.log1p(Math.max(0, r.averageOrder()))).toArray());
    columns.add(new Column(ClusterFeature.TENURE, null, 1));
    raw.add(rows.stream().mapToDouble(BehaviourRow::tenureDays).toArray());
    double satisfactionSum = 0;
    int satisfactionCount = 0;
    for (BehaviourRow r : rows) {
      if (r.satisfaction() != null) {
        satisfactionSum += r.satisfaction();
        satisfactionCount++;
      }
    }
    if (satisfactionCount > 0) {
      double mean = satisfactionSum / satisfactionCount;
      columns.add(new Column(ClusterFeature.SATISFACTION, null, 1));
      raw.add(
          rows.stream()
              .mapToDouble(r -> r.satisfaction() == null ? mean : r.satisfaction())
              .toArray());
    }
    addMix(rows, ClusterFeature.CATEGORY, MAX_CATEGORIES, columns, raw);
    addMix(rows, ClusterFeature.CHANNEL, MAX_CHANNELS, columns, raw);

    double[][] points = new double[n][columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      double[] values = raw.get(c);
      double mean = 0;
      for (double v : values) {
        mean += v;
      }
      mean = n == 0 ? 0 : mean / n;
      double variance = 0;
      for (double v : values) {
        variance += (v - mean) * (v - mean);
      }
      double sd = n == 0 ? 0 : Math.sqrt(variance / n);
      double weight = columns.get(c).weight();
      for (int i = 0; i < n; i++) {
        // a constant column says nothing about anybody: all zeros rather than a division by 0
        points[i][c] = sd < 1e-12 ? 0 : (values[i] - mean) / sd * weight;
      }
    }
    return new FeatureMatrix(List.copyOf(columns), points);
  }

  /** Columns for the most common categories or channels; none when everyone shares one. */
  private static void addMix(
      List<BehaviourRow> rows,
      ClusterFeature feature,
      int max,
      List<Column> columns,
      List<double[]> raw) {
    Map<String, Double> totals = new HashMap<>();
    for (BehaviourRow r : rows) {
      mix(r, feature).forEach((k, v) -> totals.merge(k, v, Double::sum));
    }
    if (totals.size() < 2) {
      return;
    }
    List<String> top =
        totals.entrySet().stream()
            .sorted(
                Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(max)
            .map(Map.Entry::getKey)
            .toList();
    double weight = 1 / Math.sqrt(top.size());
    for (String label : top) {
      columns.add(new Column(feature, label, weight));
      raw.add(rows.stream().mapToDouble(r -> mix(r, feature).getOrDefault(label, 0.0)).toArray());
    }
  }

  private static Map<String, Double> mix(BehaviourRow row, ClusterFeature feature) {
    return feature == ClusterFeature.CATEGORY ? row.categoryShares() : row.channelShares();
  }
}
