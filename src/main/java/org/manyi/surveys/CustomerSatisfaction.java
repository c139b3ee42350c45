package org.manyi.surveys;

import java.util.Map;
import org.manyi.customers.CustomerId;

/**
 * Each customer's satisfaction as far as their own survey answers tell, for value analyses. Not
 * scoped to a user.
 */
public interface CustomerSatisfaction {

  /**
   * The mean of the customer's NPS, CSAT and CES answers, each put on 0–100 by its fixed scale
   * ({@code (score - min) / (max - min) * 100}); only customers who answered one through a personal
   * invitation are present.
   */
  Map<CustomerId, Double> scores();
}
