package org.manyi.clv;

import java.util.List;

/**
 * A customer's churn risk as of a date.
 *
 * @param customerId the customer
 * @param risk probability-like score in [0, 1]; higher = more likely to make no purchase within the
 *     horizon
 * @param reasons reasons, strongest first, derived from the contributing signals
 * @param modelVersion version of the risk model that produced the score
 */
public record ChurnScore(
    String customerId, double risk, List<ChurnReason> reasons, String modelVersion) {

  public ChurnScore {
    reasons = List.copyOf(reasons);
    if (!(risk >= 0 && risk <= 1)) {
      throw new IllegalArgumentException("risk must be in [0, 1], was " + risk);
    }
  }
}
