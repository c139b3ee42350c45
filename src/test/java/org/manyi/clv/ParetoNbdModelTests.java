package org.manyi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class ParetoNbdModelTests {

  @Test
  void fitOnCdnowSampleReproducesFaderHardieNote() {
    ParetoNbdModel m = ParetoNbdModel.fit(Cdnow.sampleBase().customers());
    System.out.printf(
        "Pareto/NBD CDNOW: r=%.4f alpha=%.4f s=%.4f beta=%.4f LL=%.3f%n",
        m.r(), m.alpha(), m.s(), m.beta(), m.logLikelihood());
    assertThat(m.r()).isCloseTo(0.553, withinPercentage(1));
    assertThat(m.alpha()).isCloseTo(10.578, withinPercentage(1));
    assertThat(m.s()).isCloseTo(0.606, withinPercentage(2));
    assertThat(m.beta()).isCloseTo(11.669, withinPercentage(2));
    assertThat(m.logLikelihood()).isCloseTo(-9595.0, within(0.5));
  }

  @Test
  void likelihoodIsContinuousWhereAlphaCrossesBeta() {
    // the two branches of A0 (alpha >= beta and alpha < beta) must agree at alpha = beta
    double below = new ParetoNbdModel(0.55, 10.0 - 1e-7, 0.6, 10.0, 0, 0).logLikelihood(3, 20, 38);
    double at = new ParetoNbdModel(0.55, 10.0, 0.6, 10.0, 0, 0).logLikelihood(3, 20, 38);
    double above = new ParetoNbdModel(0.55, 10.0 + 1e-7, 0.6, 10.0, 0, 0).logLikelihood(3, 20, 38);
    assertThat(below).isCloseTo(at, within(1e-6));
    assertThat(above).isCloseTo(at, within(1e-6));
  }

  @Test
  void dropoutIntegralByQuadratureEqualsTheHypergeometricClosedForm() {
    // below the series limit both ways are available: s * integral = s/(r+s+x) * A0
    double[][] cases = {
      {0.55, 10.6, 0.6, 11.7, 0, 0, 38},
      {0.55, 10.6, 0.6, 11.7, 3, 20, 38},
      {0.3, 2, 1.5, 30, 12, 30.5, 38.9},
      {0.8, 25, 0.4, 3, 40, 37, 39}
    };
    for (double[] c : cases) {
      ParetoNbdModel m = new ParetoNbdModel(c[0], c[1], c[2], c[3], 0, 0);
      double viaSeries = m.logLikelihood((int) c[4], c[5], c[6]);
      double aliveOnly = m.probabilityAlive((int) c[4], c[5], c[6]);
      double logSecond =
          Math.log(c[2])
              + org.manyi.clv.internal.ParetoNbdLikelihood.logDropoutIntegral(
                  c[0], c[1], c[2], c[3], (int) c[4], c[5], c[6]);
      // P(alive) = first / (first + second), so second / first = 1/P - 1
      double first = viaSeries + Math.log(aliveOnly);
      double logConst =
          org.hipparchus.special.Gamma.logGamma(c[0] + c[4])
              - org.hipparchus.special.Gamma.logGamma(c[0])
              + c[0] * Math.log(c[1])
              + c[2] * Math.log(c[3]);
      assertThat(logConst + logSecond).isCloseTo(viaSeries + Math.log1p(-aliveOnly), within(1e-9));
      assertThat(first).isFinite();
    }
  }

  @Test
  void likelihoodIsFiniteForFrequentBuyersAndExtremeParameters() {
    ParetoNbdModel m = new ParetoNbdModel(0.55, 1000, 0.6, 0.01, 0, 0);
    assertThat(m.logLikelihood(500, 37.9, 38)).isFinite();
    assertThat(m.probabilityAlive(500, 37.9, 38)).isBetween(0.0, 1.0);
    ParetoNbdModel n = new ParetoNbdModel(0.55, 0.01, 0.6, 1000, 0, 0);
    assertThat(n.logLikelihood(500, 10, 38)).isFinite();
  }

  @Test
  void oneTimeBuyersLoseAliveProbabilityWithAge() {
    ParetoNbdModel m = new ParetoNbdModel(0.553, 10.578, 0.606, 11.669, 0, 0);
    assertThat(m.probabilityAlive(0, 0, 38)).isLessThan(m.probabilityAlive(0, 0, 26));
    assertThat(m.probabilityAlive(0, 0, 38)).isLessThan(1.0);
  }

  @Test
  void expectationsAreConsistent() {
    ParetoNbdModel m = new ParetoNbdModel(0.553, 10.578, 0.606, 11.669, 0, 0);
    // a brand-new customer's conditional expectation equals the unconditional one
    assertThat(m.expectedPurchases(39, 0, 0, 1e-12))
        .isCloseTo(m.expectedPurchasesNewCustomer(39), within(1e-6));
    assertThat(m.probabilityNoPurchase(39, 2, 30.43, 38.86)).isBetween(0.0, 1.0);
    // s = 1 uses the limit and stays continuous
    double atOne = new ParetoNbdModel(0.5, 10, 1.0, 12, 0, 0).expectedPurchasesNewCustomer(39);
    double nearOne =
        new ParetoNbdModel(0.5, 10, 1.0 + 1e-6, 12, 0, 0).expectedPurchasesNewCustomer(39);
    assertThat(atOne).isCloseTo(nearOne, within(1e-5));
  }
}
