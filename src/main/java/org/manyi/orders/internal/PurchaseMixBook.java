package org.manyi.orders.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.manyi.customers.CustomerId;
import org.manyi.orders.PurchaseMix;
import org.manyi.orders.PurchaseMixes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Channel counts from the orders and category spend from the kept purchase summaries. */
@Service
@Transactional(readOnly = true)
class PurchaseMixBook implements PurchaseMixes {

  private final JdbcClient jdbc;

  PurchaseMixBook(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<CustomerId, PurchaseMix> all() {
    Map<UUID, Map<String, Integer>> channels = new HashMap<>();
    jdbc.sql(
            "SELECT customer_id, channel, COUNT(*) AS n FROM orders WHERE status IN ('PAID',"
                + " 'PARTIALLY_REFUNDED') AND customer_id IS NOT NULL GROUP BY customer_id,"
                + " channel")
        .query(
            rs -> {
              channels
                  .computeIfAbsent(rs.getObject("customer_id", UUID.class), k -> new HashMap<>())
                  .put(rs.getString("channel"), rs.getInt("n"));
            });
    Map<UUID, Map<String, BigDecimal>> categories = new HashMap<>();
    jdbc.sql("SELECT customer_id, category, amount FROM purchase_category_spend")
        .query(
            rs -> {
              categories
                  .computeIfAbsent(rs.getObject("customer_id", UUID.class), k -> new HashMap<>())
                  .put(rs.getString("category"), rs.getBigDecimal("amount"));
            });
    Map<CustomerId, PurchaseMix> mixes = new HashMap<>();
    channels.forEach(
        (id, byChannel) ->
            mixes.put(
                new CustomerId(id),
                new PurchaseMix(
                    new CustomerId(id), byChannel, categories.getOrDefault(id, Map.of()))));
    return mixes;
  }
}
