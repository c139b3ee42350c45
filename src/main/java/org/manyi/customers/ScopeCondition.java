package org.manyi.customers;

import java.util.List;

/**
 * A SQL condition limiting rows of another module to the customers a user may see, for that
 * module's list queries: {@code WHERE o.placed_at > ? AND } + {@code sql}, with {@code params}
 * appended in order. The condition reads the customers module's own table, so other modules need
 * not copy owners and teams.
 *
 * @param sql a condition such as {@code o.customer_id IN (SELECT id FROM customer WHERE owner_id =
 *     ?)}, or {@code 1=1} when the user sees every customer
 */
public record ScopeCondition(String sql, List<Object> params) {

  public ScopeCondition {
    params = List.copyOf(params);
  }
}
