package org.manyi.cases.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.manyi.cases.CaseCounts;
import org.manyi.customers.CustomerId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class CaseCountBook implements CaseCounts {

  private final JdbcClient jdbc;

  CaseCountBook(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<CustomerId, Long> perCustomer() {
    Map<CustomerId, Long> counts = new HashMap<>();
    jdbc.sql(
            "SELECT customer_id, COUNT(*) AS n FROM service_case WHERE customer_id IS NOT NULL"
                + " GROUP BY customer_id")
        .query(
            rs -> {
              counts.put(new CustomerId(rs.getObject("customer_id", UUID.class)), rs.getLong("n"));
            });
    return counts;
  }
}
