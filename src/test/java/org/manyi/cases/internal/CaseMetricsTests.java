package org.manyi.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CaseMetricsTests {

  @Test
  void paretoBarsGoLargestFirstWithCumulativeSharesAndTheVitalFew() {
    List<String> keys =
        List.of(
            "delivery",
            "delivery",
            "delivery",
            "delivery",
            "delivery",
            "quality",
            "quality",
            "quality",
            "price",
            "other");
    List<CaseMetrics.ParetoBar> bars =
        CaseMetrics.pareto(keys, Function.identity(), String::toUpperCase);
    assertThat(bars)
        .extracting(CaseMetrics.ParetoBar::key)
        .containsExactly("delivery", "quality", "other", "price");
    assertThat(bars.get(0).name()).isEqualTo("DELIVERY");
    assertThat(bars)
        .extracting(CaseMetrics.ParetoBar::cumulativeShare)
        .containsExactly(0.5, 0.8, 0.9, 1.0);
    // delivery and quality make up the first 80%: they are the vital few
    assertThat(bars)
        .extracting(CaseMetrics.ParetoBar::vitalFew)
        .containsExactly(true, true, false, false);
  }

  @Test
  void paretoLeavesOutMissingKeys() {
    List<String> keys = new java.util.ArrayList<>(java.util.Arrays.asList("a", null, "a"));
    assertThat(CaseMetrics.pareto(keys, Function.identity(), k -> k))
        .singleElement()
        .satisfies(b -> assertThat(b.count()).isEqualTo(2));
    assertThat(CaseMetrics.pareto(List.<String>of(), Function.identity(), k -> k)).isEmpty();
  }

  @Test
  void medianAndNinetiethPercentileOfMinutes() {
    assertThat(CaseMetrics.durations(List.of(10L, 2L, 4L)))
        .isEqualTo(new CaseMetrics.Durations(3, 4.0, 10.0));
    assertThat(CaseMetrics.durations(List.of(1L, 2L, 3L, 4L)).medianMinutes()).isEqualTo(2.5);
    List<Long> hundred = java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList();
    assertThat(CaseMetrics.durations(hundred).p90Minutes()).isEqualTo(90.0);
    assertThat(CaseMetrics.durations(List.of()))
        .isEqualTo(new CaseMetrics.Durations(0, null, null));
  }
}
