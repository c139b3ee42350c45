package org.manyi.pls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlsDisconfirmationAnalysisTests {

  /**
   * Gaps 1, 0, 1, −1: mean 0.25, sd √(2.75/3) = 0.957427, se 0.478714, t(3; 0.975) = 3.182446, so
   * the interval is 0.25 ± 1.523480.
   */
  @Test
  void meanGapAndTIntervalMatchHandComputation() {
    DisconfirmationAnalysis.Pair pair =
        new DisconfirmationAnalysis.Pair(
            "speed", new double[] {5, 6, 7, 8}, new double[] {6, 6, 8, 7});

    GapResult gap = DisconfirmationAnalysis.gaps(List.of(pair)).get(0);

    assertThat(gap.n()).isEqualTo(4);
    assertThat(gap.meanGap()).isCloseTo(0.25, within(1e-12));
    assertThat(gap.ciLow()).isCloseTo(0.25 - 1.523480, within(1e-6));
    assertThat(gap.ciHigh()).isCloseTo(0.25 + 1.523480, within(1e-6));
  }

  @Test
  void attributesAreSortedWorstFirst() {
    List<GapResult> gaps =
        DisconfirmationAnalysis.gaps(
            List.of(
                new DisconfirmationAnalysis.Pair("ok", new double[] {5, 5}, new double[] {6, 5}),
                new DisconfirmationAnalysis.Pair("bad", new double[] {9, 8}, new double[] {5, 5}),
                new DisconfirmationAnalysis.Pair("meh", new double[] {6, 6}, new double[] {5, 6})));

    assertThat(gaps).extracting(GapResult::attribute).containsExactly("bad", "meh", "ok");
  }

  @Test
  void respondentsMissingAnAnswerAreSkipped() {
    GapResult gap =
        DisconfirmationAnalysis.gaps(
                List.of(
                    new DisconfirmationAnalysis.Pair(
                        "x", new double[] {5, Double.NaN, 4}, new double[] {6, 7, Double.NaN})))
            .get(0);

    assertThat(gap.n()).isEqualTo(1);
    assertThat(gap.meanGap()).isEqualTo(1.0);
    assertThat(gap.ciLow()).isNull();
  }
}
