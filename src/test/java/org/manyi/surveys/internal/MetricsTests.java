package org.manyi.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Every formula against values computed by hand (shown in the comments). */
class MetricsTests {

  @Test
  void npsWithAdjustedWaldInterval() {
    // 40 promoters, 40 passives, 20 detractors: NPS = 20.
    // n' = 103, p' = 40.75/103 = .395631, d' = 20.75/103 = .201456, p'-d' = .194175
    // var = (.395631 + .201456 - .194175^2)/103 = .00543090, se = .0736946
    // CI = .194175 ± 1.959964 * .0736946 = [.049734, .338616]
    Metrics.Nps nps = Metrics.nps(40, 40, 20);
    assertThat(nps.n()).isEqualTo(100);
    assertThat(nps.nps()).isCloseTo(20.0, within(1e-9));
    assertThat(nps.ciLow()).isCloseTo(4.9734, within(1e-3));
    assertThat(nps.ciHigh()).isCloseTo(33.8616, within(1e-3));
    assertThat(nps.smallSample()).isFalse();
  }

  @Test
  void npsIntervalStaysWithinTheScaleForExtremeSmallSamples() {
    Metrics.Nps allPromoters = Metrics.nps(5, 0, 0);
    assertThat(allPromoters.nps()).isEqualTo(100.0);
    assertThat(allPromoters.ciHigh()).isLessThanOrEqualTo(100.0);
    assertThat(allPromoters.ciLow()).isLessThan(100.0);
    assertThat(allPromoters.smallSample()).isTrue();
    Metrics.Nps none = Metrics.nps(0, 0, 0);
    assertThat(none.n()).isZero();
    assertThat(none.nps()).isZero();
  }

  @Test
  void comparisonOfTwoNpsByZTest() {
    // a: 40/40/20 (adjusted diff .194175, var .00543090)
    // b: 60/25/15: n' = 103, p' = 60.75/103 = .589806, d' = 15.75/103 = .152913, diff = .436893
    // var_b = (.589806 + .152913 - .436893^2)/103 = .551843/103 = .00535770
    // z = (.436893 - .194175)/sqrt(.00543090 + .00535770) = .242718/.103868 = 2.33679
    // p = 2(1 - Φ(2.33679)) = .019451
    Metrics.NpsComparison c = Metrics.compare(Metrics.nps(40, 40, 20), Metrics.nps(60, 25, 15));
    assertThat(c.difference()).isCloseTo(25.0, within(1e-9));
    assertThat(c.z()).isCloseTo(2.33679, within(1e-4));
    assertThat(c.p()).isCloseTo(0.019451, within(1e-4));
    assertThat(c.significant()).isTrue();
  }

  @Test
  void wilsonIntervalForTopTwoBox() {
    // 45 of 60: p = .75, z² = 3.841459; centre = (.75 + .0320122)/(1.0640243) = .734957
    // margin = 1.959964 * sqrt(.75*.25/60 + 3.841459/14400)/1.0640243
    //        = 1.959964 * sqrt(.003125 + .000266768)/1.0640243 = 1.959964*.0582390/1.0640243 =
    // .107278
    Metrics.Proportion csat = Metrics.wilson(45, 60);
    assertThat(csat.percent()).isCloseTo(75.0, within(1e-9));
    assertThat(csat.ciLow()).isCloseTo(62.768, within(1e-2));
    assertThat(csat.ciHigh()).isCloseTo(84.224, within(1e-2));
  }

  @Test
  void meanWithTInterval() {
    // answers 5, 6, 7, 5, 6: mean 5.8, sample variance .7, se = sqrt(.7/5) = .374166
    // t(4, .975) = 2.776445; CI = 5.8 ± 1.038843
    Metrics.Mean ces = Metrics.mean(5, 29, 171);
    assertThat(ces.mean()).isCloseTo(5.8, within(1e-9));
    assertThat(ces.ciLow()).isCloseTo(4.761157, within(1e-5));
    assertThat(ces.ciHigh()).isCloseTo(6.838843, within(1e-5));
    assertThat(Metrics.mean(0, 0, 0).n()).isZero();
  }

  @Test
  void cronbachAlphaOfConsistentItems() {
    // items (rows): (1,2,2) (2,3,3) (3,3,4) (4,5,5): item variances 1.666667, 1.583333, 1.666667
    // totals 5, 8, 10, 14 → variance 14.25; alpha = 3/2 * (1 - 4.916667/14.25) = .982456
    double alpha =
        Metrics.cronbachAlpha(new double[][] {{1, 2, 2}, {2, 3, 3}, {3, 3, 4}, {4, 5, 5}});
    assertThat(alpha).isCloseTo(0.982456, within(1e-6));
    assertThat(Metrics.cronbachAlpha(new double[][] {{1}, {2}})).isNaN();
  }

  @Test
  void worstCaseSampleSizeForAnNpsMargin() {
    assertThat(Metrics.npsSampleSize(5)).isEqualTo(1537);
  }
}
