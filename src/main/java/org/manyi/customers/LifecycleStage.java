package org.manyi.customers;

/**
 * Where a customer stands in the relationship. Every customer starts as a prospect; a later module
 * derives the other stages from purchases.
 */
public enum LifecycleStage {
  /** Known to us but has not bought yet (潜在). */
  PROSPECT,
  /** Has bought once (新客). */
  NEW,
  /** Buys repeatedly (活跃). */
  ACTIVE,
  /** Has not bought for a long time and may leave (沉睡). */
  DORMANT,
  /** Has stopped buying (流失). */
  CHURNED
}
