package org.manyi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HoldoutCheckTests {

  @Test
  void bgNbdOnCdnowPredictsTheHoldoutByFrequency() {
    CustomerBase base = Cdnow.sampleBase();
    BgNbdModel m = BgNbdModel.fit(base.customers());
    HoldoutReport r = HoldoutCheck.evaluate(m, base);
    System.out.println("CDNOW holdout (39 weeks), BG/NBD: freq customers actual predicted");
    r.rows()
        .forEach(
            row ->
                System.out.printf(
                    "  %-3s %5d %7.3f %7.3f%n",
                    row.label(), row.customers(), row.meanActual(), row.meanPredicted()));
    System.out.printf(
        "  MAE per customer %.3f, per row %.3f, totals %.0f vs %.1f%n",
        r.meanAbsoluteErrorPerCustomer(),
        r.meanAbsoluteErrorPerRow(),
        r.actualTotal(),
        r.predictedTotal());
    assertThat(r.rows()).hasSize(8);
    assertThat(r.rows().get(7).label()).isEqualTo("7+");
    assertThat(r.actualTotal()).isEqualTo(1882.0);
    // the published conditional expectations under-predict the CDNOW holdout somewhat (about
    // 1,650 of 1,882; the example customer's 1.226 is checked in BgNbdModelTests)
    assertThat(r.predictedTotal()).isCloseTo(1882.0, within(0.15 * 1882));
    assertThat(r.meanAbsoluteErrorPerRow()).isLessThan(0.5);
    assertThat(r.modelVersion()).isEqualTo(m.version());
  }
}
