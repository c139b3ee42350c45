package org.manyi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChurnMetricsTests {

  @Test
  void aucCountsTiesAsOneHalf() {
    double[] scores = {1, 2, 2, 3};
    boolean[] churned = {false, true, false, true};
    // pairs (churner, non-churner): (2,1)=1, (2,2)=0.5, (3,1)=1, (3,2)=1
    assertThat(ChurnMetrics.auc(scores, churned)).isCloseTo(3.5 / 4, within(1e-12));
    assertThat(ChurnMetrics.auc(new double[] {5, 5, 5}, new boolean[] {true, false, true}))
        .isCloseTo(0.5, within(1e-12));
    assertThat(ChurnMetrics.auc(new double[] {3, 2, 1}, new boolean[] {false, true, true}))
        .isZero();
  }

  @Test
  void topDecileReportsPrecisionRecallAndLift() {
    double[] scores = new double[20];
    boolean[] churned = new boolean[20];
    for (int i = 0; i < 20; i++) {
      scores[i] = i;
      churned[i] = i >= 15 || i == 3; // 6 churners, the two highest scores among them
    }
    ChurnMetrics.TopFraction top = ChurnMetrics.topDecile(scores, churned);
    assertThat(top.flagged()).isEqualTo(2);
    assertThat(top.precision()).isEqualTo(1.0);
    assertThat(top.recall()).isCloseTo(2 / 6.0, within(1e-12));
    assertThat(top.lift()).isCloseTo(1 / (6 / 20.0), within(1e-12));
  }

  @Test
  void thresholdAndCalibrationTable() {
    double[] scores = new double[100];
    boolean[] churned = new boolean[100];
    for (int i = 0; i < 100; i++) {
      scores[i] = i / 100.0;
      churned[i] = i % 10 < i / 10; // churn rate rises with the decile
    }
    ChurnMetrics.AtThreshold t = ChurnMetrics.atThreshold(scores, churned, 0.9);
    assertThat(t.flagged()).isEqualTo(10);
    assertThat(t.precision()).isCloseTo(0.9, within(1e-12));
    List<ChurnMetrics.CalibrationBin> bins = ChurnMetrics.calibration(scores, churned);
    assertThat(bins).hasSize(10);
    assertThat(bins.get(0).observedRate()).isZero();
    assertThat(bins.get(9).observedRate()).isCloseTo(0.9, within(1e-12));
    assertThat(bins.get(9).meanPredicted()).isCloseTo(0.945, within(1e-12));
  }

  @Test
  void mismatchedOrOneClassInputIsRejected() {
    assertThatThrownBy(() -> ChurnMetrics.auc(new double[] {1}, new boolean[] {true, false}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChurnMetrics.auc(new double[] {1, 2}, new boolean[] {true, true}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both");
  }

  @Test
  void thresholdForPrecisionCatchesTheMostChurnersAtThatPrecision() {
    // from the top: 0.9 churned, 0.8 churned, 0.7 stayed, 0.6 churned, 0.5 stayed, 0.4 stayed
    double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
    boolean[] churned = {true, true, false, true, false, false};
    // precision by threshold: 0.9 → 1/1, 0.8 → 2/2, 0.7 → 2/3, 0.6 → 3/4, 0.5 → 3/5, 0.4 → 3/6
    ChurnMetrics.AtThreshold t = ChurnMetrics.thresholdForPrecision(scores, churned, 0.75).get();
    assertThat(t.threshold()).isEqualTo(0.6);
    assertThat(t.flagged()).isEqualTo(4);
    assertThat(t.precision()).isEqualTo(0.75);
    assertThat(t.recall()).isEqualTo(1.0);
    assertThat(ChurnMetrics.thresholdForPrecision(scores, churned, 1.0).get().threshold())
        .isEqualTo(0.8);
    // tied scores are flagged together: no threshold separates the two 0.5s
    assertThat(
            ChurnMetrics.thresholdForPrecision(
                new double[] {0.5, 0.5, 0.1}, new boolean[] {true, false, true}, 0.9))
        .isEmpty();
  }
}
