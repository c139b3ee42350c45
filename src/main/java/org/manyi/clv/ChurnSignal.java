package org.manyi.clv;

/**
 * Single churn signals computed from a customer's as-of summary. Every signal is oriented so that a
 * higher value means a higher risk of churning (no purchase within the horizon).
 */
public enum ChurnSignal {
  /** 1 - P(alive) under BG/NBD; 0 for every one-time buyer, a known weakness. */
  DEAD_BG_NBD("1 - P(alive), BG/NBD"),
  /** 1 - P(alive) under Pareto/NBD. */
  DEAD_PARETO_NBD("1 - P(alive), Pareto/NBD"),
  /** 1 - P(alive) under MBG/NBD. */
  DEAD_MBG_NBD("1 - P(alive), MBG/NBD"),
  /** Minus the BG/NBD expected purchases in the horizon. */
  FEW_EXPECTED_PURCHASES_BG_NBD("-E[purchases in horizon], BG/NBD"),
  /** Minus the Pareto/NBD expected purchases in the horizon. */
  FEW_EXPECTED_PURCHASES_PARETO_NBD("-E[purchases in horizon], Pareto/NBD"),
  /** P(no purchase in the horizon) under BG/NBD. */
  NO_PURCHASE_BG_NBD("P(no purchase in horizon), BG/NBD"),
  /** P(no purchase in the horizon) under Pareto/NBD. */
  NO_PURCHASE_PARETO_NBD("P(no purchase in horizon), Pareto/NBD"),
  /** P(no purchase in the horizon) under MBG/NBD. */
  NO_PURCHASE_MBG_NBD("P(no purchase in horizon), MBG/NBD"),
  /** Weeks since the last purchase. */
  WEEKS_SINCE_LAST_PURCHASE("weeks since last purchase"),
  /** 1 when the last purchase is more than 13 weeks ago, else 0. */
  NO_PURCHASE_13_WEEKS("no purchase for 13 weeks (rule)"),
  /**
   * Time since the last purchase divided by the customer's own mean inter-purchase time (t_x / x);
   * for one-time buyers the mean gap of all repeat buyers stands in.
   */
  OVERDUE_RATIO("time since last purchase / own mean gap"),
  /** Minus the number of repeat purchases. */
  LOW_FREQUENCY("-repeat purchases"),
  /** Minus log(mean repeat value / first value): falling spend is a risk; 0 for one-time buyers. */
  FALLING_SPEND("-log(mean repeat value / first value)");

  private final String description;

  ChurnSignal(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
