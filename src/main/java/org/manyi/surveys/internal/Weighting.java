package org.manyi.surveys.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;

/**
 * Optional weights for metrics, reported next to the unweighted figures with Kish's effective
 * sample size.
 */
public enum Weighting {
  /** No weights. */
  NONE(null),
  /**
   * Each answer weighs the customer's total spend at the time of the answer: the most valuable
   * customers count for more. Anonymous answers and customers who never bought weigh nothing.
   */
  VALUE(null),
  /**
   * Post-stratification to the customer base by lifecycle stage: each stage's answers together
   * weigh its share of all customers.
   */
  STAGE(GroupBy.STAGE),
  /** Post-stratification to the customer base by city. */
  CITY(GroupBy.CITY),
  /** Post-stratification to the customer base by value tier. */
  VALUE_TIER(GroupBy.VALUE_TIER);

  private final @Nullable GroupBy stratum;

  Weighting(@Nullable GroupBy stratum) {
    this.stratum = stratum;
  }

  /** The stratum of a post-stratification, or null. */
  public @Nullable GroupBy stratum() {
    return stratum;
  }

  public static Weighting parse(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("weight", "metrics.weight.unknown");
    }
  }
}
