package org.manyi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;

class GammaGammaModelTests {

  @Test
  void fitOnPublishedCdnowSpendSummaryReproducesFaderHardieLee() {
    GammaGammaModel m = GammaGammaModel.fit(Cdnow.lifetimesSpendSummary());
    System.out.printf(
        "Gamma-Gamma CDNOW (lifetimes summary): p=%.4f q=%.4f gamma=%.4f LL=%.4f n=%d%n",
        m.p(), m.q(), m.gamma(), m.logLikelihood(), m.customers());
    assertThat(m.customers()).isEqualTo(946);
    assertThat(m.p()).isCloseTo(6.25, withinPercentage(1));
    assertThat(m.q()).isCloseTo(3.74, withinPercentage(1));
    assertThat(m.gamma()).isCloseTo(15.44, withinPercentage(1));
    assertThat(m.logLikelihood()).isCloseTo(-4055.92, within(0.5));
  }

  @Test
  void fitOnSummaryBuiltFromTheRawLogAgreesWithThePublishedValues() {
    GammaGammaModel m = GammaGammaModel.fit(Cdnow.sampleBase().customers());
    System.out.printf(
        "Gamma-Gamma CDNOW (from raw log): p=%.4f q=%.4f gamma=%.4f LL=%.4f%n",
        m.p(), m.q(), m.gamma(), m.logLikelihood());
    assertThat(m.p()).isCloseTo(6.25, withinPercentage(2));
    assertThat(m.q()).isCloseTo(3.74, withinPercentage(2));
    assertThat(m.gamma()).isCloseTo(15.44, withinPercentage(2));
  }

  @Test
  void expectedValueShrinksTheCustomerMeanTowardsThePopulationMean() {
    GammaGammaModel m = new GammaGammaModel(6.25, 3.74, 15.44, 0, 0);
    double population = m.populationMeanValue();
    assertThat(population).isCloseTo(6.25 * 15.44 / 2.74, within(1e-9));
    double one = m.expectedAverageValue(1, 100);
    double ten = m.expectedAverageValue(10, 100);
    assertThat(one).isBetween(population, 100.0);
    assertThat(ten).isBetween(one, 100.0);
    assertThat(m.expectedAverageValue(0, 0)).isEqualTo(population);
  }

  @Test
  void fitRecoversParametersFromAnotherStartScale() {
    // the same customers with values in cents: gamma scales by 100, p and q are unchanged
    List<CustomerSummary> cents =
        Cdnow.lifetimesSpendSummary().stream()
            .map(
                c ->
                    CustomerSummary.withValue(
                        c.customerId(),
                        c.frequency(),
                        c.recency(),
                        c.age(),
                        100 * c.averageRepeatValue()))
            .toList();
    GammaGammaModel m = GammaGammaModel.fit(cents);
    assertThat(m.p()).isCloseTo(6.25, withinPercentage(1));
    assertThat(m.q()).isCloseTo(3.74, withinPercentage(1));
    assertThat(m.gamma()).isCloseTo(1544, withinPercentage(1));
  }

  @Test
  void fitWithoutRepeatBuyersIsRejected() {
    assertThatThrownBy(() -> GammaGammaModel.fit(List.of(CustomerSummary.of("a", 0, 0, 10))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("repeat purchase");
  }
}
