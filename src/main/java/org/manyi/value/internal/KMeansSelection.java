package org.manyi.value.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.hipparchus.clustering.CentroidCluster;
import org.hipparchus.clustering.Clusterable;
import org.hipparchus.clustering.KMeansPlusPlusClusterer;
import org.hipparchus.clustering.distance.EuclideanDistance;
import org.hipparchus.random.Well19937c;
import org.jspecify.annotations.Nullable;

/**
 * k-means with k-means++ starts (Hipparchus) for every k of a range, keeping the k with the best
 * mean silhouette. Everything random is seeded, so a seed and the same data give the same clusters.
 * The silhouette needs all pairwise distances, so above {@link #SILHOUETTE_SAMPLE} customers it is
 * estimated on a seeded random sample of that size (the same sample for every k).
 */
final class KMeansSelection {

  static final int SILHOUETTE_SAMPLE = 3000;

  /** Above this many points k is chosen on a sample of this size. */
  static final int SELECTION_SAMPLE = 20_000;

  static final int MAX_ITERATIONS = 100;

  /** The silhouette of one k tried. */
  record KScore(int k, double silhouette) {}

  /**
   * The chosen clustering.
   *
   * @param assignment the cluster (0 to k−1) of each point
   */
  record Result(int k, double silhouette, int[] assignment, List<KScore> scores) {}

  private KMeansSelection() {}

  /**
   * @param onK called with each k once it is done
   * @throws IllegalArgumentException when there are not more points than {@code minK}
   */
  static Result select(double[][] points, int minK, int maxK, long seed, IntConsumer onK) {
    return select(points, minK, maxK, seed, onK, SELECTION_SAMPLE);
  }

  /**
   * Above {@code selectionSample} points, k is chosen on a seeded sample of that size and only the
   * chosen k is then fitted to every point: the silhouettes of a large sample hardly differ from
   * those of all points, while every k tried on all of them would cost a full k-means. The result's
   * silhouette is that of the final clustering; its scores those of the sample.
   */
  static Result select(
      double[][] points, int minK, int maxK, long seed, IntConsumer onK, int selectionSample) {
    int n = points.length;
    if (minK < 2 || maxK < minK) {
      throw new IllegalArgumentException("need 2 <= minK <= maxK");
    }
    if (n <= minK) {
      throw new IllegalArgumentException(
          "too few customers to cluster: " + n + " for at least " + minK + " clusters");
    }
    double[][] trial = points;
    if (n > selectionSample) {
      int[] rows = sample(n, selectionSample, seed);
      trial = new double[rows.length][];
      for (int i = 0; i < rows.length; i++) {
        trial[i] = points[rows[i]];
      }
    }
    int upper = Math.min(maxK, trial.length - 1);
    int[] silhouetteSample = sample(trial.length, SILHOUETTE_SAMPLE, seed);
    double[][] distances = distances(trial, silhouetteSample);
    @Nullable Result best = null;
    List<KScore> scores = new ArrayList<>();
    for (int k = minK; k <= upper; k++) {
      int[] assignment = cluster(trial, k, seed);
      double silhouette = silhouette(distances, silhouetteSample, assignment, k);
      scores.add(new KScore(k, silhouette));
      if (best == null || silhouette > best.silhouette() + 1e-12) {
        best = new Result(k, silhouette, assignment, List.of());
      }
      onK.accept(k);
    }
    java.util.Objects.requireNonNull(best); // the range holds at least minK
    if (trial == points) {
      return new Result(best.k(), best.silhouette(), best.assignment(), List.copyOf(scores));
    }
    int[] assignment = cluster(points, best.k(), seed);
    int[] finalSample = sample(n, SILHOUETTE_SAMPLE, seed);
    double silhouette =
        silhouette(distances(points, finalSample), finalSample, assignment, best.k());
    return new Result(best.k(), silhouette, assignment, List.copyOf(scores));
  }

  /** k-means with k-means++ starts, seeded per k; the cluster (0 to k−1) of each point. */
  private static int[] cluster(double[][] points, int k, long seed) {
    List<Point> all = new ArrayList<>(points.length);
    for (int i = 0; i < points.length; i++) {
      all.add(new Point(i, points[i]));
    }
    KMeansPlusPlusClusterer<Point> clusterer =
        new KMeansPlusPlusClusterer<>(
            k, MAX_ITERATIONS, new EuclideanDistance(), new Well19937c(seed + k));
    List<CentroidCluster<Point>> clusters = clusterer.cluster(all);
    int[] assignment = new int[points.length];
    for (int c = 0; c < clusters.size(); c++) {
      for (Point p : clusters.get(c).getPoints()) {
        assignment[p.index] = c;
      }
    }
    return assignment;
  }

  /** The mean silhouette over the sample, distances taken within the sample. */
  static double silhouette(double[][] distances, int[] sample, int[] assignment, int k) {
    int s = sample.length;
    double total = 0;
    double[] sum = new double[k];
    int[] count = new int[k];
    for (int i = 0; i < s; i++) {
      java.util.Arrays.fill(sum, 0);
      java.util.Arrays.fill(count, 0);
      for (int j = 0; j < s; j++) {
        if (i != j) {
          int c = assignment[sample[j]];
          sum[c] += distances[i][j];
          count[c]++;
        }
      }
      int own = assignment[sample[i]];
      if (count[own] == 0) {
        continue; // alone in its cluster: silhouette 0 by convention
      }
      double a = sum[own] / count[own];
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != own && count[c] > 0) {
          b = Math.min(b, sum[c] / count[c]);
        }
      }
      if (b == Double.POSITIVE_INFINITY) {
        continue;
      }
      double max = Math.max(a, b);
      total += max == 0 ? 0 : (b - a) / max;
    }
    return s == 0 ? 0 : total / s;
  }

  /** A seeded random choice of {@code size} of the {@code n} rows; all of them when fewer. */
  private static int[] sample(int n, int size, long seed) {
    int[] indices = new int[n];
    for (int i = 0; i < n; i++) {
      indices[i] = i;
    }
    if (n <= size) {
      return indices;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(n - i);
      int t = indices[i];
      indices[i] = indices[j];
      indices[j] = t;
    }
    return java.util.Arrays.copyOf(indices, size);
  }

  private static double[][] distances(double[][] points, int[] sample) {
    int s = sample.length;
    double[][] d = new double[s][s];
    for (int i = 0; i < s; i++) {
      double[] p = points[sample[i]];
      for (int j = i + 1; j < s; j++) {
        double[] q = points[sample[j]];
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
          double diff = p[c] - q[c];
          sum += diff * diff;
        }
        d[i][j] = d[j][i] = Math.sqrt(sum);
      }
    }
    return d;
  }

  /** A point that remembers its row. */
  private static final class Point implements Clusterable {
    final int index;
    final double[] values;

    Point(int index, double[] values) {
      this.index = index;
      this.values = values;
    }

    @Override
    public double[] getPoint() {
      return values;
    }
  }
}
