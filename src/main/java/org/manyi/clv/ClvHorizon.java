package org.manyi.clv;

/**
 * The horizon of a lifetime-value estimate: {@code periods} periods of {@code periodLength} model
 * time units each (e.g. 12 periods of 4.35 weeks for a year in months), with cash flows of period k
 * discounted by (1 + discountRatePerPeriod)^k.
 *
 * @param periods number of periods, at least 1
 * @param periodLength length of one period in the model's time unit, positive
 * @param discountRatePerPeriod discount rate per period, at least 0
 */
public record ClvHorizon(int periods, double periodLength, double discountRatePerPeriod) {

  public ClvHorizon {
    if (periods < 1) {
      throw new IllegalArgumentException("horizon needs at least one period, was " + periods);
    }
    PurchaseModel.requirePositive(periodLength, "period length");
    if (!(discountRatePerPeriod >= 0) || Double.isInfinite(discountRatePerPeriod)) {
      throw new IllegalArgumentException(
          "discount rate must be >= 0 and finite, was " + discountRatePerPeriod);
    }
  }
}
