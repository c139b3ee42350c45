package org.manyi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CustomerLifetimeValueTests {

  private static final BgNbdModel BG = new BgNbdModel(0.243, 4.414, 0.793, 2.426, 0, 0);
  private static final GammaGammaModel GG = new GammaGammaModel(6.25, 3.74, 15.44, 0, 0);
  private static final CustomerSummary CUSTOMER =
      CustomerSummary.withValue("c", 2, 30.43, 38.86, 22.35);

  @Test
  void undiscountedValueIsExpectedPurchasesTimesExpectedSpend() {
    ClvEstimate e = CustomerLifetimeValue.estimate(BG, GG, CUSTOMER, new ClvHorizon(39, 1, 0));
    double purchases = BG.expectedPurchases(39, CUSTOMER);
    assertThat(e.expectedPurchases()).isCloseTo(purchases, within(1e-12));
    assertThat(e.value()).isCloseTo(purchases * GG.expectedAverageValue(CUSTOMER), within(1e-9));
    assertThat(e.modelVersion()).startsWith("BG_NBD@").contains("+GAMMA_GAMMA@");
  }

  @Test
  void discountingLowersTheValueAndPeriodsCanBeMonths() {
    double weeksPerMonth = 52.0 / 12;
    ClvEstimate plain =
        CustomerLifetimeValue.estimate(BG, GG, CUSTOMER, new ClvHorizon(12, weeksPerMonth, 0));
    ClvEstimate discounted =
        CustomerLifetimeValue.estimate(BG, GG, CUSTOMER, new ClvHorizon(12, weeksPerMonth, 0.01));
    assertThat(discounted.value()).isLessThan(plain.value()).isGreaterThan(0.85 * plain.value());
    assertThat(plain.expectedPurchases())
        .isCloseTo(BG.expectedPurchases(52, CUSTOMER), within(1e-9));
  }

  @Test
  void modelVersionChangesWithTheParameters() {
    assertThat(BG.version()).isEqualTo(new BgNbdModel(0.243, 4.414, 0.793, 2.426, 1, 1).version());
    assertThat(BG.version())
        .isNotEqualTo(new BgNbdModel(0.244, 4.414, 0.793, 2.426, 0, 0).version());
  }

  @Test
  void nonPositiveHorizonIsRejected() {
    assertThatThrownBy(() -> new ClvHorizon(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClvHorizon(3, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BG.expectedPurchases(-1, CUSTOMER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("horizon");
  }
}
