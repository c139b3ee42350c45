package org.manyi.value.internal;

/** The behavioural features customers are clustered on. */
public enum ClusterFeature {
  /** Days since the last purchase. */
  RECENCY,
  /** Number of purchases (log scale). */
  FREQUENCY,
  /** Total spend (log scale). */
  MONETARY,
  /** Average order value (log scale). */
  AVERAGE_ORDER,
  /** Days since the first purchase. */
  TENURE,
  /** Mean survey score on 0–100, where the customer answered a survey. */
  SATISFACTION,
  /** Share of item value in one category (one column per frequent category). */
  CATEGORY,
  /** Share of purchases through one channel (one column per frequent channel). */
  CHANNEL
}
