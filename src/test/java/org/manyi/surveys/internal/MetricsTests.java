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

  @Test
  void kishEffectiveSampleSize() {
    // weights 1, 1, 2, 4: (Σw)² / Σw² = 8² / (1 + 1 + 4 + 16) = 64 / 22 = 2.909091
    assertThat(Metrics.kish(8, 22)).isCloseTo(2.909091, within(1e-6));
    // equal weights are worth n answers, whatever the weight
    assertThat(Metrics.kish(5 * 3.0, 5 * 9.0)).isCloseTo(5.0, within(1e-12));
    assertThat(Metrics.kish(0, 0)).isZero();
  }

  @Test
  void weightedNpsUsesTheEffectiveSampleSizeInTheAdjustedWaldInterval() {
    // promoters weighing 3 and 1, a passive 2, a detractor 2: Σw = 8, Σw² = 18,
    // n_eff = 64/18 = 3.555556; p = 4/8 = .5, d = 2/8 = .25, NPS = 25
    // p' = (.5 * 3.555556 + .75) / 6.555556 = .385593, d' = (.25 * 3.555556 + .75) / 6.555556 = .25
    // var = (.385593 + .25 - .135593²) / 6.555556 = .0941503, margin = 1.959964 * .306839 = .601394
    // CI = .135593 ± .601394 = [-.465801, .736987]
    Metrics.Weighted w = Metrics.weightedNps(4, 2, 8, Metrics.kish(8, 18));
    assertThat(w.nEff()).isCloseTo(3.555556, within(1e-6));
    assertThat(w.value()).isCloseTo(25.0, within(1e-9));
    assertThat(w.ciLow()).isCloseTo(-46.5801, within(1e-3));
    assertThat(w.ciHigh()).isCloseTo(73.6987, within(1e-3));
    assertThat(w.smallSample()).isTrue();
  }

  @Test
  void equalWeightsGiveTheUnweightedFigures() {
    Metrics.Nps plain = Metrics.nps(40, 40, 20);
    // every answer weighs 2.5: Σw = 250, Σw² = 625, n_eff = 100
    Metrics.Weighted weighted = Metrics.weightedNps(100, 50, 250, Metrics.kish(250, 625));
    assertThat(weighted.nEff()).isCloseTo(100, within(1e-9));
    assertThat(weighted.value()).isCloseTo(plain.nps(), within(1e-9));
    assertThat(weighted.ciLow()).isCloseTo(plain.ciLow(), within(1e-9));
    assertThat(weighted.ciHigh()).isCloseTo(plain.ciHigh(), within(1e-9));

    Metrics.Proportion wilson = Metrics.wilson(30, 40);
    Metrics.Weighted share = Metrics.weightedShare(60, 80, 40);
    assertThat(share.ciLow()).isCloseTo(wilson.ciLow(), within(1e-9));
    assertThat(share.ciHigh()).isCloseTo(wilson.ciHigh(), within(1e-9));

    // answers 2, 4, 4, 5 each weighing 3
    Metrics.Mean mean = Metrics.mean(4, 15, 61);
    Metrics.Weighted wm = Metrics.weightedMean(45, 183, 12, Metrics.kish(12, 36));
    assertThat(wm.value()).isCloseTo(mean.mean(), within(1e-9));
    assertThat(wm.ciLow()).isCloseTo(mean.ciLow(), within(1e-9));
    assertThat(wm.ciHigh()).isCloseTo(mean.ciHigh(), within(1e-9));
  }

  @Test
  void weightedShareWithWilsonIntervalOnTheEffectiveSampleSize() {
    // CSAT 5 weighing 2, 4 weighing 1, 2 weighing 1: top-2-box = 3/4, n_eff = 16/6 = 2.666667
    // centre = (.75 + 3.841459/5.333333) / (1 + 3.841459/2.666667) = 1.470274/2.440547 = .602436
    // margin = 1.959964 * sqrt(.75*.25/2.666667 + 3.841459/28.444444) / 2.440547 = .363935
    // CI = [.238502, .966370]
    Metrics.Weighted w = Metrics.weightedShare(3, 4, Metrics.kish(4, 6));
    assertThat(w.value()).isCloseTo(75.0, within(1e-9));
    assertThat(w.ciLow()).isCloseTo(23.8502, within(1e-3));
    assertThat(w.ciHigh()).isCloseTo(96.6370, within(1e-3));
  }

  @Test
  void weightedMeanWithTIntervalOnTheEffectiveSampleSize() {
    // answers 1 (w 1), 3 (w 1), 5 (w 2): Σw = 4, Σwx = 14, mean 3.5; Σwx² = 60,
    // weighted variance 60/4 - 3.5² = 2.75; n_eff = 16/6 = 2.666667, corrected 2.75 * 2.666667 /
    // 1.666667 = 4.4; se = sqrt(4.4 / 2.666667) = 1.284523; t(.975, df 1.666667) = 5.242265
    // CI = 3.5 ± 6.733811 = [-3.233811, 10.233811]
    Metrics.Weighted w = Metrics.weightedMean(14, 60, 4, Metrics.kish(4, 6));
    assertThat(w.value()).isCloseTo(3.5, within(1e-12));
    assertThat(w.ciLow()).isCloseTo(-3.233811, within(1e-5));
    assertThat(w.ciHigh()).isCloseTo(10.233811, within(1e-5));
  }
}
