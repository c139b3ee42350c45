package org.manyi.customers.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerTagging;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Derived tags written in one transaction: the old holders lose the tag, the new ones get it. */
@Service
@Transactional
class CustomerTagSync implements CustomerTagging {

  private static final int CHUNK = 1000;

  private final JdbcTemplate jdbc;

  CustomerTagSync(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public int replace(String tag, Collection<CustomerId> customers) {
    jdbc.update("DELETE FROM customer_tag WHERE tag = ?", tag);
    List<Object[]> rows = new ArrayList<>(CHUNK);
    int[] total = {0};
    for (CustomerId customer : customers) {
      rows.add(new Object[] {tag, customer.value()});
      if (rows.size() == CHUNK) {
        total[0] += insert(rows);
        rows.clear();
      }
    }
    if (!rows.isEmpty()) {
      total[0] += insert(rows);
    }
    return total[0];
  }

  private int insert(List<Object[]> rows) {
    int inserted = 0;
    for (int n :
        jdbc.batchUpdate(
            "INSERT INTO customer_tag (customer_id, tag) SELECT c.id, ? FROM customer c WHERE"
                + " c.id = ?",
            rows)) {
      inserted += Math.max(0, n);
    }
    return inserted;
  }
}
