package org.manyi.surveys.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A customer's value tier by total spend (net of refunds) so far, with thresholds the company sets
 * ({@code manyi.surveys.value-tiers.high} and {@code .medium}). Fixed thresholds rather than
 * quantiles keep a tier meaning the same over time, so answers counted in earlier months stay
 * comparable.
 */
public enum ValueTier {
  /** Spend at or above the high threshold. */
  HIGH,
  /** Spend at or above the medium threshold. */
  MEDIUM,
  /** Bought something, below the medium threshold. */
  LOW,
  /** Never bought. */
  NONE;

  static ValueTier of(@Nullable BigDecimal spend, BigDecimal high, BigDecimal medium) {
    if (spend == null) {
      return NONE;
    }
    if (spend.compareTo(high) >= 0) {
      return HIGH;
    }
    return spend.compareTo(medium) >= 0 ? MEDIUM : LOW;
  }
}
