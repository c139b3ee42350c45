package org.manyi.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.manyi.customers.CustomerId;
import org.manyi.orders.OrderStatus;

class OrderDemoDataTests {

  final OrderDemoData demo = new OrderDemoData(null, null, null, null);
  final Instant now = Instant.parse("2026-11-23T04:00:00Z");
  final LocalDate today = LocalDate.of(2026, 11, 23);

  List<Order> orders(long seed, int customers) {
    Random random = new Random(seed);
    int[] seq = {0};
    List<Order> all = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      all.addAll(
          demo.history(random, new CustomerId(new java.util.UUID(seed, i)), today, now, seq));
    }
    return all;
  }

  @Test
  void theSameSeedGivesTheSameOrders() {
    assertThat(orders(7, 50)).isEqualTo(orders(7, 50));
  }

  @Test
  void ordersAreValidUniqueAndPeakOnShoppingFestivals() {
    List<Order> orders = orders(42, 600);
    assertThat(orders.size()).isGreaterThan(3000);
    assertThat(orders.stream().map(o -> o.channel() + o.externalId()).collect(Collectors.toSet()))
        .hasSameSizeAs(orders);
    for (Order o : orders) {
      assertThat(o.total()).isEqualByComparingTo(o.gross().subtract(o.discount()));
      assertThat(o.refunded()).isLessThanOrEqualTo(o.total());
      assertThat(o.orderedAt()).isBefore(now);
    }
    assertThat(orders.stream().map(Order::status).collect(Collectors.toSet()))
        .isEqualTo(Set.of(OrderStatus.values()));
    long singlesDay = count(orders, 11, 11);
    long ordinary = count(orders, 9, 16);
    assertThat(singlesDay).isGreaterThan(4 * Math.max(1, ordinary));
    assertThat(OrderDemoData.season(LocalDate.of(2026, 2, 18)))
        .isLessThan(OrderDemoData.season(LocalDate.of(2026, 3, 18)));
  }

  private static long count(List<Order> orders, int month, int day) {
    return orders.stream()
        .map(o -> o.orderedAt().atZone(PurchaseSummaryBook.ZONE).toLocalDate())
        .filter(d -> d.getMonthValue() == month && d.getDayOfMonth() == day)
        .count();
  }
}
