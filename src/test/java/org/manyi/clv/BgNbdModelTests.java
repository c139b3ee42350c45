package org.manyi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;

class BgNbdModelTests {

  @Test
  void fitOnCdnowSampleReproducesFaderHardieLee2005() {
    CustomerBase base = Cdnow.sampleBase();
    BgNbdModel m = BgNbdModel.fit(base.customers());
    System.out.printf(
        "BG/NBD CDNOW: r=%.4f alpha=%.4f a=%.4f b=%.4f LL=%.2f%n",
        m.r(), m.alpha(), m.a(), m.b(), m.logLikelihood());
    assertThat(m.r()).isCloseTo(0.243, withinPercentage(1));
    assertThat(m.alpha()).isCloseTo(4.414, withinPercentage(1));
    assertThat(m.a()).isCloseTo(0.793, withinPercentage(1));
    assertThat(m.b()).isCloseTo(2.426, withinPercentage(1));
    assertThat(m.logLikelihood()).isCloseTo(-9582.4, within(0.5));
    assertThat(m.customers()).isEqualTo(2357);
  }

  @Test
  void conditionalExpectationMatchesThePublishedExampleCustomer() {
    // Fader, Hardie & Lee (2005): x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in 39 weeks
    BgNbdModel m = new BgNbdModel(0.243, 4.414, 0.793, 2.426, 0, 0);
    assertThat(m.expectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.002));
  }

  @Test
  void oneTimeBuyersAreAlwaysAliveUnderBgNbd() {
    BgNbdModel m = new BgNbdModel(0.243, 4.414, 0.793, 2.426, 0, 0);
    assertThat(m.probabilityAlive(0, 0, 38)).isEqualTo(1.0);
    assertThat(m.probabilityAlive(3, 5, 38)).isLessThan(m.probabilityAlive(3, 35, 38));
  }

  @Test
  void noPurchaseProbabilityClosedFormEqualsTheLikelihoodRatio() {
    BgNbdModel m = new BgNbdModel(0.243, 4.414, 0.793, 2.426, 0, 0);
    for (int[] c : new int[][] {{0, 0, 30}, {2, 20, 38}, {7, 36, 37}}) {
      double closed = m.probabilityNoPurchase(39, c[0], c[1], c[2]);
      double ratio =
          Math.exp(m.logLikelihood(c[0], c[1], c[2] + 39) - m.logLikelihood(c[0], c[1], c[2]));
      assertThat(closed).isCloseTo(ratio, within(1e-12));
    }
  }

  @Test
  void maximisationRecoversFromAFarAwayStart() {
    org.manyi.clv.internal.RfGroups g =
        org.manyi.clv.internal.RfGroups.of(Cdnow.sampleBase().customers());
    // r = e^5, alpha = e^-5, a = e^4, b = e^-4: the likelihood there is minus several hundred
    // thousand
    org.manyi.clv.internal.MaximumLikelihood.Optimum o =
        org.manyi.clv.internal.MaximumLikelihood.maximiseWithGradient(
            (p, gradient) ->
                org.manyi.clv.internal.BetaGeometricNbd.logLikelihood(g, p, false, gradient),
            new double[] {5, -5, 4, -4});
    assertThat(Math.exp(o.logParameters()[0])).isCloseTo(0.243, withinPercentage(1));
    assertThat(o.logLikelihood()).isCloseTo(-9582.4, within(0.5));
  }

  @Test
  void fitIsRobustOnASmallSyntheticBase() {
    List<CustomerSummary> few =
        List.of(
            CustomerSummary.of("a", 0, 0, 30),
            CustomerSummary.of("b", 3, 20, 30),
            CustomerSummary.of("c", 1, 5, 25),
            CustomerSummary.of("d", 6, 28, 30));
    BgNbdModel m = BgNbdModel.fit(few);
    assertThat(m.logLikelihood()).isFinite();
    for (CustomerSummary c : few) {
      assertThat(m.probabilityAlive(c)).isBetween(0.0, 1.0);
      assertThat(m.probabilityNoPurchase(10, c)).isBetween(0.0, 1.0);
    }
  }
}
