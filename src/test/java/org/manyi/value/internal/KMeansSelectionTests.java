package org.manyi.value.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KMeansSelectionTests {

  /** Three tight groups far apart, 100 points each, in 2 dimensions. */
  private static double[][] threeBlobs(long seed) {
    Random random = new Random(seed);
    double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
    double[][] points = new double[300][];
    for (int i = 0; i < 300; i++) {
      double[] c = centres[i % 3];
      points[i] = new double[] {c[0] + random.nextGaussian(), c[1] + random.nextGaussian()};
    }
    return points;
  }

  @Test
  void choosesTheNumberOfWellSeparatedGroupsBySilhouette() {
    double[][] points = threeBlobs(1);
    List<Integer> done = new ArrayList<>();
    KMeansSelection.Result result = KMeansSelection.select(points, 2, 6, 42, done::add);

    assertThat(result.k()).isEqualTo(3);
    assertThat(result.silhouette()).isGreaterThan(0.7);
    assertThat(done).containsExactly(2, 3, 4, 5, 6);
    assertThat(result.scores())
        .extracting(KMeansSelection.KScore::k)
        .containsExactly(2, 3, 4, 5, 6);
    // every point sits with the others of its blob
    for (int i = 3; i < 300; i++) {
      assertThat(result.assignment()[i]).isEqualTo(result.assignment()[i % 3]);
    }
    assertThat(result.assignment()[0])
        .isNotEqualTo(result.assignment()[1])
        .isNotEqualTo(result.assignment()[2]);
  }

  @Test
  void theSameSeedGivesTheSameClusters() {
    double[][] points = threeBlobs(7);
    KMeansSelection.Result first = KMeansSelection.select(points, 2, 5, 9, k -> {});
    KMeansSelection.Result second = KMeansSelection.select(points, 2, 5, 9, k -> {});

    assertThat(second.assignment()).isEqualTo(first.assignment());
    assertThat(second.scores()).isEqualTo(first.scores());
  }

  @Test
  void choosesKOnASampleOfALargeBaseAndFitsItToEveryone() {
    double[][] points = threeBlobs(3);
    KMeansSelection.Result result = KMeansSelection.select(points, 2, 5, 11, k -> {}, 60);

    assertThat(result.k()).isEqualTo(3);
    assertThat(result.assignment()).hasSize(300);
    for (int i = 3; i < 300; i++) {
      assertThat(result.assignment()[i]).isEqualTo(result.assignment()[i % 3]);
    }
    assertThat(result.silhouette()).isGreaterThan(0.7);
  }

  @Test
  void silhouetteMatchesAHandComputation() {
    // 1-D points 0, 1 (cluster 0) and 5 (cluster 1)
    double[][] d = {{0, 1, 5}, {1, 0, 4}, {5, 4, 0}};
    int[] sample = {0, 1, 2};
    int[] assignment = {0, 0, 1};
    // s(0) = (5 - 1) / 5, s(1) = (4 - 1) / 4, s(2) = 0 (alone)
    double expected = (0.8 + 0.75 + 0) / 3;

    assertThat(KMeansSelection.silhouette(d, sample, assignment, 2)).isCloseTo(expected, within());
  }

  @Test
  void refusesTooFewPoints() {
    assertThatThrownBy(() -> KMeansSelection.select(new double[][] {{1}, {2}}, 2, 4, 1, k -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too few");
  }

  @Test
  void triesNoMoreClustersThanPointsAllow() {
    double[][] points = {{0}, {0.1}, {5}, {5.1}};
    KMeansSelection.Result result = KMeansSelection.select(points, 2, 10, 3, k -> {});

    assertThat(result.scores()).extracting(KMeansSelection.KScore::k).containsExactly(2, 3);
    assertThat(result.k()).isEqualTo(2);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
