package org.manyi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class MbgNbdModelTests {

  @Test
  void fitOnCdnowSampleGivesAFitComparableToBgNbd() {
    CustomerBase base = Cdnow.sampleBase();
    MbgNbdModel m = MbgNbdModel.fit(base.customers());
    System.out.printf(
        "MBG/NBD CDNOW: r=%.4f alpha=%.4f a=%.4f b=%.4f LL=%.3f%n",
        m.r(), m.alpha(), m.a(), m.b(), m.logLikelihood());
    // values of the lifetimes test suite (ModifiedBetaGeoFitter on the same summary)
    assertThat(m.r()).isCloseTo(0.525, withinPercentage(1));
    assertThat(m.alpha()).isCloseTo(6.183, withinPercentage(1));
    assertThat(m.a()).isCloseTo(0.891, withinPercentage(1));
    assertThat(m.b()).isCloseTo(1.614, withinPercentage(1));
    assertThat(m.logLikelihood()).isBetween(-9600.0, -9550.0);
    assertThat(m.probabilityAlive(0, 0, 38)).isLessThan(1.0);
  }

  @Test
  void oneTimeBuyersHaveAliveProbabilityBelowOne() {
    MbgNbdModel m = new MbgNbdModel(0.5, 6, 0.9, 1.6, 0, 0);
    assertThat(m.probabilityAlive(0, 0, 38)).isLessThan(m.probabilityAlive(0, 0, 10));
    double closed = m.probabilityNoPurchase(39, 2, 20, 38);
    double ratio = Math.exp(m.logLikelihood(2, 20, 38 + 39) - m.logLikelihood(2, 20, 38));
    assertThat(closed).isCloseTo(ratio, within(1e-12));
  }

  @Test
  void newCustomerExpectationMatchesConditionalExpectationAtAgeZero() {
    MbgNbdModel m = new MbgNbdModel(0.5, 6, 0.9, 1.6, 0, 0);
    // at T = 0 the customer is alive with probability b / (a + b) after the first purchase
    assertThat(m.expectedPurchases(20, 0, 0, 0))
        .isCloseTo(m.expectedPurchasesNewCustomer(20), within(1e-9));
  }
}
