package org.manyi.tasks.internal;

import java.math.BigDecimal;
import org.manyi.platform.ProblemException;

/**
 * The post-purchase callback rule: when enabled, an order of at least {@code minAmount} gets a
 * callback task for the customer's owner {@code delayDays} days after it was placed.
 */
public record PostPurchaseRule(boolean enabled, BigDecimal minAmount, int delayDays) {

  static final int MAX_DELAY_DAYS = 365;
  static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

  /**
   * A checked rule.
   *
   * @throws ProblemException 400 naming the field out of range
   */
  public static PostPurchaseRule of(boolean enabled, BigDecimal minAmount, int delayDays) {
    if (minAmount.signum() < 0
        || minAmount.stripTrailingZeros().scale() > 2
        || minAmount.compareTo(MAX_AMOUNT) >= 0) {
      throw ProblemException.invalid("minAmount", "task.rule.minAmount.invalid");
    }
    if (delayDays < 0 || delayDays > MAX_DELAY_DAYS) {
      throw ProblemException.invalid("delayDays", "task.rule.delayDays.range", MAX_DELAY_DAYS);
    }
    return new PostPurchaseRule(enabled, minAmount, delayDays);
  }

  /** Whether an order of this amount calls for a callback. */
  public boolean appliesTo(BigDecimal amount) {
    return enabled && amount.compareTo(minAmount) >= 0;
  }
}
