package org.manyi.orders.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.manyi.customers.CustomerId;
import org.manyi.orders.PurchaseSummaries;
import org.manyi.orders.PurchaseSummary;
import org.manyi.orders.PurchaseTransaction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The purchase summaries. Every order change refreshes the summaries of the customers it touches,
 * in the same transaction, from those customers' orders only; {@link #rebuildAll()} recomputes
 * every summary with the same statements over all customers, so both give the same rows.
 */
@Service
@Transactional
class PurchaseSummaryBook implements PurchaseSummaries {

  /** Orders are dated in the business's time zone. */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final String PURCHASE = "o.status IN ('PAID', 'PARTIALLY_REFUNDED')";
  private static final String INSERT_SUMMARY =
      "INSERT INTO purchase_summary (customer_id, first_purchase_at, last_purchase_at,"
          + " order_count, total_spend, last_channel) SELECT o.customer_id, MIN(o.ordered_at),"
          + " MAX(o.ordered_at), COUNT(*), SUM(o.total - o.refunded), (SELECT l.channel FROM orders"
          + " l WHERE l.customer_id = o.customer_id AND l.status IN ('PAID', 'PARTIALLY_REFUNDED')"
          + " ORDER BY l.ordered_at DESC, l.channel DESC, l.external_id DESC LIMIT 1) FROM orders o"
          + " WHERE "
          + PURCHASE
          + " AND o.customer_id IS NOT NULL%s GROUP BY o.customer_id";
  private static final String INSERT_CATEGORIES =
      "INSERT INTO purchase_category_spend (customer_id, category, amount) SELECT o.customer_id,"
          + " i.category, SUM(i.quantity * i.unit_price) FROM orders o JOIN order_item i ON"
          + " i.order_id = o.id WHERE "
          + PURCHASE
          + " AND o.customer_id IS NOT NULL%s GROUP BY o.customer_id, i.category";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  PurchaseSummaryBook(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** Recomputes the summaries of these customers from their orders. */
  void refresh(Collection<CustomerId> customers) {
    List<UUID> ids = customers.stream().map(CustomerId::value).distinct().toList();
    for (int from = 0; from < ids.size(); from += OrderRepository.CHUNK) {
      List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + OrderRepository.CHUNK));
      // one array parameter rather than a list of them: the plan stays an index scan
      String in = " AND o.customer_id = ANY (?)";
      Object[] params = {chunk.toArray(UUID[]::new)};
      template.update("DELETE FROM purchase_summary WHERE customer_id = ANY (?)", params);
      template.update("DELETE FROM purchase_category_spend WHERE customer_id = ANY (?)", params);
      template.update(INSERT_SUMMARY.formatted(in), params);
      template.update(INSERT_CATEGORIES.formatted(in), params);
    }
  }

  /** Drops the summary of a customer who no longer exists. */
  void drop(CustomerId customer) {
    jdbc.sql("DELETE FROM purchase_summary WHERE customer_id = ?").param(customer.value()).update();
    jdbc.sql("DELETE FROM purchase_category_spend WHERE customer_id = ?")
        .param(customer.value())
        .update();
  }

  /** Recomputes every summary from the orders; returns how many customers have one. */
  int rebuildAll() {
    template.update("DELETE FROM purchase_category_spend");
    template.update("DELETE FROM purchase_summary");
    int customers = template.update(INSERT_SUMMARY.formatted(""));
    template.update(INSERT_CATEGORIES.formatted(""));
    return customers;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<PurchaseSummary> find(CustomerId customer) {
    Map<String, BigDecimal> categories = new TreeMap<>();
    jdbc.sql("SELECT category, amount FROM purchase_category_spend WHERE customer_id = ?")
        .param(customer.value())
        .query(
            rs -> {
              categories.put(rs.getString("category"), rs.getBigDecimal("amount"));
            });
    return jdbc.sql("SELECT * FROM purchase_summary WHERE customer_id = ?")
        .param(customer.value())
        .query(
            (rs, n) -> {
              int count = rs.getInt("order_count");
              BigDecimal total = rs.getBigDecimal("total_spend");
              return new PurchaseSummary(
                  customer,
                  fromDb(rs.getObject("first_purchase_at", OffsetDateTime.class)),
                  fromDb(rs.getObject("last_purchase_at", OffsetDateTime.class)),
                  count,
                  total,
                  total.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP),
                  categories,
                  rs.getString("last_channel"));
            })
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public Map<CustomerId, BigDecimal> totalSpend(java.util.Collection<CustomerId> customers) {
    Map<CustomerId, BigDecimal> spend = new java.util.HashMap<>();
    List<CustomerId> ids = List.copyOf(new java.util.LinkedHashSet<>(customers));
    for (int start = 0; start < ids.size(); start += 1000) {
      List<CustomerId> chunk = ids.subList(start, Math.min(ids.size(), start + 1000));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      jdbc.sql(
              "SELECT customer_id, total_spend FROM purchase_summary WHERE customer_id IN ("
                  + marks
                  + ")")
          .params(chunk.stream().map(c -> (Object) c.value()).toList())
          .query(
              rs -> {
                spend.put(
                    new CustomerId(rs.getObject("customer_id", UUID.class)),
                    rs.getBigDecimal("total_spend"));
              });
    }
    return spend;
  }

  @Override
  @Transactional(readOnly = true)
  public long buyersWithSpendAtLeast(BigDecimal minimum) {
    return jdbc.sql("SELECT COUNT(*) FROM purchase_summary WHERE total_spend >= ?")
        .param(minimum)
        .query(Long.class)
        .single();
  }

  /** Every summary row and category row as text, in a stable order, to compare two states. */
  @Transactional(readOnly = true)
  List<String> snapshot() {
    List<String> rows = new ArrayList<>();
    rows.addAll(
        jdbc.sql(
                "SELECT customer_id, first_purchase_at, last_purchase_at, order_count, total_spend,"
                    + " last_channel FROM purchase_summary ORDER BY customer_id")
            .query(
                (rs, n) ->
                    "%s %s %s %d %s %s"
                        .formatted(
                            rs.getObject(1, UUID.class),
                            fromDb(rs.getObject(2, OffsetDateTime.class)),
                            fromDb(rs.getObject(3, OffsetDateTime.class)),
                            rs.getInt(4),
                            rs.getBigDecimal(5).toPlainString(),
                            rs.getString(6)))
            .list());
    rows.addAll(
        jdbc.sql(
                "SELECT customer_id, category, amount FROM purchase_category_spend ORDER BY"
                    + " customer_id, category")
            .query(
                (rs, n) ->
                    "%s %s %s"
                        .formatted(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getBigDecimal(3).toPlainString()))
            .list());
    return rows;
  }

  @Override
  @Transactional(readOnly = true)
  public void transactions(LocalDate upTo, Consumer<PurchaseTransaction> sink) {
    OffsetDateTime before = toDb(upTo.plusDays(1).atStartOfDay(ZONE).toInstant());
    jdbc.sql(
            "SELECT o.customer_id, o.ordered_at, o.total - o.refunded AS amount FROM orders o"
                + " WHERE "
                + PURCHASE
                + " AND o.customer_id IS NOT NULL AND o.ordered_at < ? ORDER BY o.customer_id,"
                + " o.ordered_at")
        .param(before)
        .withFetchSize(1000)
        .query(
            rs -> {
              sink.accept(
                  new PurchaseTransaction(
                      new CustomerId(rs.getObject("customer_id", UUID.class)),
                      fromDb(rs.getObject("ordered_at", OffsetDateTime.class))
                          .atZone(ZONE)
                          .toLocalDate(),
                      rs.getBigDecimal("amount")));
            });
  }

  @Override
  public List<PurchaseTransaction> transactions(CustomerId customer, LocalDate upTo) {
    OffsetDateTime before = toDb(upTo.plusDays(1).atStartOfDay(ZONE).toInstant());
    return jdbc.sql(
            "SELECT o.ordered_at, o.total - o.refunded AS amount FROM orders o WHERE "
                + PURCHASE
                + " AND o.customer_id = ? AND o.ordered_at < ? ORDER BY o.ordered_at")
        .params(customer.value(), before)
        .query(
            (rs, n) ->
                new PurchaseTransaction(
                    customer,
                    fromDb(rs.getObject("ordered_at", OffsetDateTime.class))
                        .atZone(ZONE)
                        .toLocalDate(),
                    rs.getBigDecimal("amount")))
        .list();
  }
}
