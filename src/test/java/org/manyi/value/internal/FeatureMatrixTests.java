package org.manyi.value.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.customers.CustomerId;

class FeatureMatrixTests {

  private static BehaviourRow row(
      int recency,
      int frequency,
      double spend,
      Double satisfaction,
      Map<String, Double> categories) {
    return new BehaviourRow(
        new CustomerId(UUID.randomUUID()),
        recency,
        frequency,
        spend,
        recency + 100,
        satisfaction,
        categories,
        Map.of("STORE", 1.0));
  }

  @Test
  void standardisesEveryColumnAndImputesMissingSatisfactionAtTheMean() {
    List<BehaviourRow> rows =
        List.of(
            row(10, 5, 500, 80.0, Map.of("茶叶", 1.0)),
            row(100, 1, 50, null, Map.of("茶具", 1.0)),
            row(40, 2, 120, 40.0, Map.of("茶叶", 0.5, "茶具", 0.5)));
    FeatureMatrix matrix = FeatureMatrix.of(rows);

    assertThat(matrix.columns())
        .extracting(FeatureMatrix.Column::feature)
        .containsExactly(
            ClusterFeature.RECENCY,
            ClusterFeature.FREQUENCY,
            ClusterFeature.MONETARY,
            ClusterFeature.AVERAGE_ORDER,
            ClusterFeature.TENURE,
            ClusterFeature.SATISFACTION,
            ClusterFeature.CATEGORY,
            ClusterFeature.CATEGORY);
    for (int c = 0; c < matrix.columns().size(); c++) {
      double sum = 0;
      double squares = 0;
      for (int i = 0; i < rows.size(); i++) {
        double z = matrix.unweighted(i, c);
        sum += z;
        squares += z * z;
      }
      assertThat(sum / rows.size()).isCloseTo(0, offset(1e-9));
      assertThat(squares / rows.size()).isCloseTo(1, offset(1e-9));
    }
    // the customer without a score sits exactly at the average satisfaction
    assertThat(matrix.points()[1][5]).isCloseTo(0, offset(1e-9));
    // two category columns share the weight of one feature
    assertThat(matrix.columns().get(6).weight()).isCloseTo(1 / Math.sqrt(2), offset(1e-12));
    assertThat(matrix.points()[0][6])
        .isCloseTo(matrix.unweighted(0, 6) / Math.sqrt(2), offset(1e-12));
  }

  @Test
  void leavesOutMixesEveryoneSharesAndSatisfactionNobodyGave() {
    List<BehaviourRow> rows =
        List.of(row(10, 5, 500, null, Map.of("茶叶", 1.0)), row(20, 1, 50, null, Map.of("茶叶", 1.0)));
    FeatureMatrix matrix = FeatureMatrix.of(rows);

    assertThat(matrix.columns())
        .extracting(FeatureMatrix.Column::feature)
        .doesNotContain(
            ClusterFeature.SATISFACTION, ClusterFeature.CATEGORY, ClusterFeature.CHANNEL);
  }
}
