package org.manyi.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.manyi.platform.ProblemException;

class SampleSizeTests {

  @Test
  void npsNeeds1537ResponsesForFivePointsAt95PercentInTheWorstCase() {
    // z = 1.959964, n = z² · (0.5 + 0.5 − 0²) / 0.05² = 1,536.58 → 1,537
    SampleSize.Result r = SampleSize.of(SampleSize.Metric.NPS, 5, 0.95, null);
    assertThat(r.z()).isCloseTo(1.959964, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(r.infinite()).isEqualTo(1537);
    assertThat(r.needed()).isEqualTo(1537);
    assertThat(r).isNotNull();
    assertThat(SampleSize.of(SampleSize.Metric.NPS, 5, 0.95, null).needed())
        .isEqualTo(Metrics.npsSampleSize(5));
  }

  @Test
  void csatShareNeeds385ResponsesForFivePointsAt95Percent() {
    // n = z² · 0.5 · 0.5 / 0.05² = 384.15 → 385
    assertThat(SampleSize.of(SampleSize.Metric.CSAT, 5, 0.95, null).needed()).isEqualTo(385);
    // 99%: z = 2.575829, ±3 points → z² · 0.25 / 0.03² = 1,843.03 → 1,844
    assertThat(SampleSize.of(SampleSize.Metric.CSAT, 3, 0.99, null).needed()).isEqualTo(1844);
  }

  @Test
  void finitePopulationCorrectionShrinksTheSample() {
    // NPS, N = 10,000: 1,536.58 / (1 + 1,535.58 / 10,000) = 1,332.04 → 1,333
    SampleSize.Result nps = SampleSize.of(SampleSize.Metric.NPS, 5, 0.95, 10_000L);
    assertThat(nps.infinite()).isEqualTo(1537);
    assertThat(nps.needed()).isEqualTo(1333);
    // CSAT, N = 1,000: 384.15 / (1 + 383.15 / 1,000) = 277.73 → 278
    assertThat(SampleSize.of(SampleSize.Metric.CSAT, 5, 0.95, 1000L).needed()).isEqualTo(278);
    // never more than the population
    assertThat(SampleSize.of(SampleSize.Metric.NPS, 1, 0.99, 50L).needed()).isLessThanOrEqualTo(50);
  }

  @Test
  void badInputNamesItsField() {
    assertThatThrownBy(() -> SampleSize.of(SampleSize.Metric.NPS, 0, 0.95, null))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.firstField().field()).isEqualTo("margin"));
    assertThatThrownBy(() -> SampleSize.of(SampleSize.Metric.NPS, 5, 1.2, null))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.firstField().field()).isEqualTo("confidence"));
    assertThatThrownBy(() -> SampleSize.of(SampleSize.Metric.NPS, 5, 0.95, 0L))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.firstField().field()).isEqualTo("population"));
  }
}
