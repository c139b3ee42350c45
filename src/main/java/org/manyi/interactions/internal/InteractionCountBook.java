package org.manyi.interactions.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.manyi.customers.CustomerId;
import org.manyi.interactions.InteractionCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class InteractionCountBook implements InteractionCounts {

  private final JdbcClient jdbc;

  InteractionCountBook(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<CustomerId, Long> perCustomer() {
    Map<CustomerId, Long> counts = new HashMap<>();
    jdbc.sql(
            "SELECT customer_id, COUNT(*) AS n FROM interaction WHERE customer_id IS NOT NULL"
                + " GROUP BY customer_id")
        .query(
            rs -> {
              counts.put(new CustomerId(rs.getObject("customer_id", UUID.class)), rs.getLong("n"));
            });
    return counts;
  }
}
