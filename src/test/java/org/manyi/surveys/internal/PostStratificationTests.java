package org.manyi.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Post-stratification weights against values computed by hand. */
class PostStratificationTests {

  @Test
  void eachStratumWeighsItsShareOfTheCustomerBase() {
    SatisfactionMetrics.Group group = new SatisfactionMetrics.Group();
    // city A: one promoter; city B: one detractor; an anonymous promoter (no stratum in the base)
    group.strata.computeIfAbsent("A", k -> new SatisfactionMetrics.Histogram()).add(10, 1, 0, 0);
    group.strata.computeIfAbsent("B", k -> new SatisfactionMetrics.Histogram()).add(0, 1, 0, 0);
    group.strata.computeIfAbsent("", k -> new SatisfactionMetrics.Histogram()).add(9, 1, 0, 0);
    // the base: A 3 customers, B 1, C 5 (no answers, so it cannot be represented)
    Map<String, Long> population = Map.of("A", 3L, "B", 1L, "C", 5L);

    SatisfactionMetrics.Histogram w = SatisfactionMetrics.poststratified(group, population);

    // shares over the represented strata: A 3/4, B 1/4; two answers covered
    // w_A = 3/4 * 2 / 1 = 1.5, w_B = 1/4 * 2 / 1 = 0.5, the anonymous answer 0
    assertThat(w.weight(10, 10)).isCloseTo(1.5, within(1e-12));
    assertThat(w.weight(0, 0)).isCloseTo(0.5, within(1e-12));
    assertThat(w.weight(9, 9)).isZero();
    // n_eff = 2² / (1.5² + 0.5²) = 4 / 2.5 = 1.6; weighted NPS = (1.5 - 0.5) / 2 = 50
    assertThat(w.nEff()).isCloseTo(1.6, within(1e-12));
    Metrics.Weighted nps =
        Metrics.weightedNps(w.weight(9, 10), w.weight(0, 6), w.weight(0, 10), w.nEff());
    assertThat(nps.value()).isCloseTo(50.0, within(1e-9));
  }

  @Test
  void aGroupWithoutRepresentedStrataWeighsNothing() {
    SatisfactionMetrics.Group group = new SatisfactionMetrics.Group();
    group.strata.computeIfAbsent("X", k -> new SatisfactionMetrics.Histogram()).add(7, 2, 0, 0);
    SatisfactionMetrics.Histogram w = SatisfactionMetrics.poststratified(group, Map.of("A", 1L));
    assertThat(w.weight(0, 10)).isZero();
    assertThat(w.nEff()).isZero();
  }
}
