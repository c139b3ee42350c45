package org.manyi.orders.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.manyi.customers.CustomerId;
import org.manyi.orders.OrderId;
import org.manyi.orders.OrderStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders with their lines and refunds in plain SQL; the batch path writes with JDBC batches. */
@Repository
class OrderRepository {

  static final int CHUNK = 500;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  OrderRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** An order as stored, with the fingerprint of its content. */
  record Stored(Order order, String hash) {}

  Optional<Order> find(OrderId id) {
    Optional<Order> header =
        jdbc.sql("SELECT * FROM orders WHERE id = ?")
            .param(id.value())
            .query(this::header)
            .optional();
    return header.map(
        o -> {
          List<OrderLine> lines =
              jdbc.sql(
                      "SELECT sku, name, category, quantity, unit_price FROM order_item"
                          + " WHERE order_id = ? ORDER BY line_no")
                  .param(id.value())
                  .query(
                      (rs, n) ->
                          new OrderLine(
                              rs.getString("sku"),
                              rs.getString("name"),
                              rs.getString("category"),
                              rs.getInt("quantity"),
                              rs.getBigDecimal("unit_price")))
                  .list();
          return withParts(
              o, lines, refunds(List.of(id.value())).getOrDefault(id.value(), List.of()));
        });
  }

  /**
   * The stored orders with these keys ({@link OrderDraft#key()}), with their refunds but without
   * their lines: a revision replaces the lines anyway.
   */
  Map<String, Stored> findByKeys(Collection<OrderDraft> drafts) {
    Map<String, List<String>> byChannel =
        drafts.stream()
            .collect(
                Collectors.groupingBy(
                    OrderDraft::channel,
                    Collectors.mapping(OrderDraft::externalId, Collectors.toList())));
    Map<String, Stored> found = new HashMap<>();
    for (Map.Entry<String, List<String>> e : byChannel.entrySet()) {
      List<String> ids = e.getValue().stream().distinct().toList();
      for (int from = 0; from < ids.size(); from += CHUNK) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
        // one array parameter rather than a list of them: the plan stays an index scan
        List<Stored> rows =
            jdbc.sql("SELECT * FROM orders WHERE channel = ? AND external_id = ANY (?)")
                .params(e.getKey(), chunk.toArray(String[]::new))
                .query((rs, n) -> new Stored(header(rs, n), rs.getString("content_hash")))
                .list();
        Map<UUID, List<Refund>> refunds =
            refunds(rows.stream().map(s -> s.order().id().value()).toList());
        for (Stored s : rows) {
          Order o =
              withParts(
                  s.order(), List.of(), refunds.getOrDefault(s.order().id().value(), List.of()));
          found.put(o.channel() + "\u0000" + o.externalId(), new Stored(o, s.hash()));
        }
      }
    }
    return found;
  }

  private Map<UUID, List<Refund>> refunds(List<UUID> orders) {
    Map<UUID, List<Refund>> refunds = new HashMap<>();
    for (int from = 0; from < orders.size(); from += CHUNK) {
      List<UUID> chunk = orders.subList(from, Math.min(orders.size(), from + CHUNK));
      jdbc.sql(
              "SELECT order_id, refunded_at, amount, reason FROM order_refund WHERE order_id IN ("
                  + marks(chunk.size())
                  + ") ORDER BY order_id, seq")
          .params(new ArrayList<Object>(chunk))
          .query(
              rs -> {
                refunds
                    .computeIfAbsent(rs.getObject("order_id", UUID.class), k -> new ArrayList<>())
                    .add(
                        new Refund(
                            fromDb(rs.getObject("refunded_at", OffsetDateTime.class)),
                            rs.getBigDecimal("amount"),
                            rs.getString("reason")));
              });
    }
    return refunds;
  }

  private static Order withParts(Order o, List<OrderLine> lines, List<Refund> refunds) {
    return new Order(
        o.id(),
        o.channel(),
        o.externalId(),
        o.customer(),
        o.store(),
        o.orderedAt(),
        o.currency(),
        lines,
        o.discount(),
        o.total(),
        refunds,
        o.status(),
        o.createdAt(),
        o.updatedAt());
  }

  private Order header(ResultSet rs, int row) throws SQLException {
    UUID customer = rs.getObject("customer_id", UUID.class);
    return new Order(
        new OrderId(rs.getObject("id", UUID.class)),
        rs.getString("channel"),
        rs.getString("external_id"),
        customer == null ? null : new CustomerId(customer),
        rs.getString("store"),
        fromDb(rs.getObject("ordered_at", OffsetDateTime.class)),
        rs.getString("currency"),
        List.of(),
        rs.getBigDecimal("discount"),
        rs.getBigDecimal("total"),
        List.of(),
        OrderStatus.valueOf(rs.getString("status")),
        fromDb(rs.getObject("created_at", OffsetDateTime.class)),
        fromDb(rs.getObject("updated_at", OffsetDateTime.class)));
  }

  /** Inserts new orders with their lines and refunds in JDBC batches. */
  void insertAll(List<Order> orders) {
    if (orders.isEmpty()) {
      return;
    }
    template.batchUpdate(
        "INSERT INTO orders (id, channel, external_id, customer_id, store, ordered_at, currency,"
            + " discount, total, refunded, status, content_hash, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        orders,
        CHUNK,
        (ps, o) -> {
          ps.setObject(1, o.id().value());
          ps.setString(2, o.channel());
          ps.setString(3, o.externalId());
          ps.setObject(4, o.customer() == null ? null : o.customer().value());
          ps.setString(5, o.store());
          ps.setObject(6, toDb(o.orderedAt()));
          ps.setString(7, o.currency());
          ps.setBigDecimal(8, o.discount());
          ps.setBigDecimal(9, o.total());
          ps.setBigDecimal(10, o.refunded());
          ps.setString(11, o.status().name());
          ps.setString(12, o.contentHash());
          ps.setObject(13, toDb(o.createdAt()));
          ps.setObject(14, toDb(o.updatedAt()));
        });
    insertParts(orders);
  }

  /** Replaces stored orders (header, lines and refunds) by these revisions. */
  void updateAll(List<Order> orders) {
    if (orders.isEmpty()) {
      return;
    }
    template.batchUpdate(
        "UPDATE orders SET customer_id = ?, store = ?, ordered_at = ?, currency = ?, discount = ?,"
            + " total = ?, refunded = ?, status = ?, content_hash = ?, updated_at = ? WHERE id = ?",
        orders,
        CHUNK,
        (ps, o) -> {
          ps.setObject(1, o.customer() == null ? null : o.customer().value());
          ps.setString(2, o.store());
          ps.setObject(3, toDb(o.orderedAt()));
          ps.setString(4, o.currency());
          ps.setBigDecimal(5, o.discount());
          ps.setBigDecimal(6, o.total());
          ps.setBigDecimal(7, o.refunded());
          ps.setString(8, o.status().name());
          ps.setString(9, o.contentHash());
          ps.setObject(10, toDb(o.updatedAt()));
          ps.setObject(11, o.id().value());
        });
    template.batchUpdate(
        "DELETE FROM order_item WHERE order_id = ?",
        orders,
        CHUNK,
        (ps, o) -> ps.setObject(1, o.id().value()));
    template.batchUpdate(
        "DELETE FROM order_refund WHERE order_id = ?",
        orders,
        CHUNK,
        (ps, o) -> ps.setObject(1, o.id().value()));
    insertParts(orders);
  }

  private void insertParts(List<Order> orders) {
    record Line(OrderId order, int no, OrderLine line) {}
    record Back(OrderId order, int seq, Refund refund) {}
    List<Line> lines = new ArrayList<>();
    List<Back> refunds = new ArrayList<>();
    for (Order o : orders) {
      for (int i = 0; i < o.lines().size(); i++) {
        lines.add(new Line(o.id(), i, o.lines().get(i)));
      }
      for (int i = 0; i < o.refunds().size(); i++) {
        refunds.add(new Back(o.id(), i, o.refunds().get(i)));
      }
    }
    template.batchUpdate(
        "INSERT INTO order_item (order_id, line_no, sku, name, category, quantity, unit_price)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        lines,
        CHUNK,
        (ps, l) -> {
          ps.setObject(1, l.order().value());
          ps.setInt(2, l.no());
          ps.setString(3, l.line().sku());
          ps.setString(4, l.line().name());
          ps.setString(5, l.line().category());
          ps.setInt(6, l.line().quantity());
          ps.setBigDecimal(7, l.line().unitPrice());
        });
    if (!refunds.isEmpty()) {
      template.batchUpdate(
          "INSERT INTO order_refund (order_id, seq, refunded_at, amount, reason)"
              + " VALUES (?, ?, ?, ?, ?)",
          refunds,
          CHUNK,
          (ps, r) -> {
            ps.setObject(1, r.order().value());
            ps.setInt(2, r.seq());
            ps.setObject(3, toDb(r.refund().at()));
            ps.setBigDecimal(4, r.refund().amount());
            ps.setString(5, r.refund().reason());
          });
    }
  }

  /** Moves every order of {@code from} to {@code to}; returns how many moved. */
  int moveCustomer(CustomerId from, CustomerId to) {
    return jdbc.sql("UPDATE orders SET customer_id = ? WHERE customer_id = ?")
        .params(to.value(), from.value())
        .update();
  }

  /** Keeps the orders of a deleted customer for the sales figures, without the link to a person. */
  int detach(CustomerId customer) {
    return jdbc.sql("UPDATE orders SET customer_id = NULL WHERE customer_id = ?")
        .param(customer.value())
        .update();
  }

  private static OrderRow row(ResultSet rs, int n) throws SQLException {
    UUID customer = rs.getObject("customer_id", UUID.class);
    return new OrderRow(
        new OrderId(rs.getObject("id", UUID.class)),
        rs.getString("external_id"),
        rs.getString("channel"),
        rs.getString("store"),
        customer == null ? null : new CustomerId(customer),
        fromDb(rs.getObject("ordered_at", OffsetDateTime.class)),
        rs.getBigDecimal("total"),
        rs.getBigDecimal("refunded"),
        rs.getString("currency"),
        OrderStatus.valueOf(rs.getString("status")));
  }

  /** One page of rows matching {@code where} (with its parameters), in the given order. */
  List<OrderRow> list(String where, List<Object> params, String orderBy, long offset, int limit) {
    List<Object> all = new ArrayList<>(params);
    all.add(limit);
    all.add(offset);
    return jdbc.sql(
            "SELECT o.id, o.external_id, o.channel, o.store, o.customer_id, o.ordered_at, o.total,"
                + " o.refunded, o.currency, o.status FROM orders o WHERE "
                + where
                + " ORDER BY "
                + orderBy
                + " LIMIT ? OFFSET ?")
        .params(all)
        .query(OrderRepository::row)
        .list();
  }

  long count(String where, List<Object> params) {
    return jdbc.sql("SELECT COUNT(*) FROM orders o WHERE " + where)
        .params(new ArrayList<>(params))
        .query(Long.class)
        .single();
  }

  /** The channels orders came through, for the filter. */
  List<String> channels() {
    return jdbc.sql("SELECT DISTINCT channel FROM orders ORDER BY channel")
        .query(String.class)
        .list();
  }

  /** Lines of many orders at once, keyed by order. */
  Map<UUID, List<OrderLine>> lines(Collection<UUID> orders) {
    Map<UUID, List<OrderLine>> lines = new LinkedHashMap<>();
    List<UUID> ids = List.copyOf(orders);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      jdbc.sql(
              "SELECT order_id, sku, name, category, quantity, unit_price FROM order_item WHERE"
                  + " order_id IN ("
                  + marks(chunk.size())
                  + ") ORDER BY order_id, line_no")
          .params(new ArrayList<Object>(chunk))
          .query(
              rs -> {
                lines
                    .computeIfAbsent(rs.getObject("order_id", UUID.class), k -> new ArrayList<>())
                    .add(
                        new OrderLine(
                            rs.getString("sku"),
                            rs.getString("name"),
                            rs.getString("category"),
                            rs.getInt("quantity"),
                            rs.getBigDecimal("unit_price")));
              });
    }
    return lines;
  }

  static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
