package org.manyi.value.internal;

/** Why a churn warning was raised. */
public enum WarningReason {
  /** Still buying, but spent at most half as much in the last period as in the one before. */
  SPEND_DROP,
  /** Has not bought for much longer than the customer's own usual interval between purchases. */
  OVERDUE,
  /**
   * The purchase model of the newest CLV fit gives a probability of being alive below the
   * threshold.
   */
  LOW_P_ALIVE,
  /** The churn risk of the newest CLV fit is at or above the warning threshold. */
  HIGH_CHURN_RISK
}
