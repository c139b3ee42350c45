package org.manyi.value.internal;

/**
 * Named RFM segments, matched in this order (the first whose rule fits wins), from the recency,
 * frequency and monetary quintile scores (5 = most recent, most frequent, highest spend).
 */
public enum RfmSegment {
  /** Bought recently, often and much (重要价值客户): R≥4, F≥4, M≥4. */
  CHAMPIONS,
  /** Buys often and still recently: R≥3, F≥4. */
  LOYAL,
  /** Recent customers with a few purchases: R≥4, F 2–3. */
  POTENTIAL_LOYALISTS,
  /** One very recent first purchase: R=5, F=1. */
  NEW,
  /** One recent purchase: R=4, F=1. */
  PROMISING,
  /** Middling recency and frequency: R=3, F 2–3. */
  NEED_ATTENTION,
  /** One purchase a while ago: R=3, F=1. */
  ABOUT_TO_SLEEP,
  /** Used to buy often and much but not lately (重要挽留客户): R≤2, F≥4, M≥4. */
  CANNOT_LOSE,
  /** Used to buy often, not lately: R≤2, F≥3. */
  AT_RISK,
  /** Few purchases, long ago: R=2, F≤2. */
  HIBERNATING,
  /** Few purchases, longest ago: R=1, F≤2. */
  LOST;

  static RfmSegment of(int r, int f, int m) {
    if (r >= 4 && f >= 4 && m >= 4) {
      return CHAMPIONS;
    }
    if (r >= 3 && f >= 4) {
      return LOYAL;
    }
    if (r >= 4 && f >= 2) {
      return POTENTIAL_LOYALISTS;
    }
    if (r == 5) {
      return NEW;
    }
    if (r == 4) {
      return PROMISING;
    }
    if (r == 3) {
      return f >= 2 ? NEED_ATTENTION : ABOUT_TO_SLEEP;
    }
    if (f >= 4 && m >= 4) {
      return CANNOT_LOSE;
    }
    if (f >= 3) {
      return AT_RISK;
    }
    return r == 2 ? HIBERNATING : LOST;
  }
}
