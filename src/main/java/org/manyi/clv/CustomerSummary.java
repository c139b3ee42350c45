package org.manyi.clv;

/**
 * One customer's purchase history as of a calibration end, in the conventions of the
 * buy-till-you-die literature. Purchases on the same day count as one transaction.
 *
 * @param customerId the customer
 * @param frequency x, the number of repeat transactions (the first purchase is not counted)
 * @param recency t_x, time from the first to the last purchase (0 when {@code frequency == 0})
 * @param age T, time from the first purchase to the calibration end ({@code >= recency})
 * @param averageRepeatValue mean value of the repeat transactions, 0 when {@code frequency == 0}
 * @param firstPurchaseValue value of the first (same-day merged) transaction
 * @param lastRepeatValue value of the last repeat transaction, 0 when {@code frequency == 0}
 * @param holdoutFrequency transactions in the holdout period, 0 when no holdout was requested
 */
public record CustomerSummary(
    String customerId,
    int frequency,
    double recency,
    double age,
    double averageRepeatValue,
    double firstPurchaseValue,
    double lastRepeatValue,
    int holdoutFrequency) {

  public CustomerSummary {
    if (frequency < 0) {
      throw new IllegalArgumentException("frequency must be >= 0, was " + frequency);
    }
    if (!(recency >= 0) || !(age >= recency)) {
      throw new IllegalArgumentException(
          "need 0 <= recency <= age, was recency=" + recency + ", age=" + age);
    }
    if (frequency == 0 && recency != 0) {
      throw new IllegalArgumentException(
          "recency must be 0 for a customer without repeat purchase");
    }
  }

  /** A summary for model input only (no values, no holdout). */
  public static CustomerSummary of(String customerId, int frequency, double recency, double age) {
    return new CustomerSummary(customerId, frequency, recency, age, 0, 0, 0, 0);
  }

  /** A summary with the average repeat value for the Gamma-Gamma model. */
  public static CustomerSummary withValue(
      String customerId, int frequency, double recency, double age, double averageRepeatValue) {
    return new CustomerSummary(customerId, frequency, recency, age, averageRepeatValue, 0, 0, 0);
  }

  /** Time since the last purchase, T - t_x. */
  public double timeSinceLastPurchase() {
    return age - recency;
  }
}
