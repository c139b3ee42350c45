package org.manyi.customers;

/**
 * Where a customer stands in the relationship. Every customer starts as a prospect; the orders
 * module derives the other stages from purchases (see {@link CustomerStages}).
 */
public enum LifecycleStage {
  /** Known to us but has not bought yet (潜在). */
  PROSPECT,
  /** Made a first purchase recently (新客户). */
  NEW,
  /** Buys regularly (活跃). */
  ACTIVE,
  /** Has not bought for a while and may leave (沉睡). */
  DORMANT,
  /** Has not bought for so long that we count the customer as gone (流失). */
  LOST,
  /** Bought again after being dormant or lost (赢回). */
  WON_BACK
}
