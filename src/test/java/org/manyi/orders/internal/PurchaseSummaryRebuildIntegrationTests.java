package org.manyi.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerIntake;
import org.manyi.customers.NewCustomer;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.Role;
import org.manyi.identity.Users;
import org.manyi.orders.OrderId;
import org.manyi.orders.PurchaseSummary;
import org.manyi.platform.ProblemException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The summaries kept with every order change equal a full rebuild, on random order histories. */
@IntegrationTest
class PurchaseSummaryRebuildIntegrationTests {

  static final String[] CATEGORIES = {"美妆", "母婴", "数码", "服饰", "食品"};
  static final String[] CHANNELS = {"TMALL", "JD", "STORE", "WECHAT"};

  @Autowired OrderIngestion ingestion;
  @Autowired OrderManagement management;
  @Autowired PurchaseSummaryBook summaries;
  @Autowired CustomerIntake intake;
  @Autowired Users users;
  @Autowired TransactionTemplate transactions;

  @Test
  void incrementalSummariesEqualARebuildOnRandomData() {
    var adminUser = users.findByUsername("admin").orElseThrow();
    CurrentUser admin =
        new CurrentUser(adminUser.id(), "admin", "admin", Set.of(Role.ADMIN), null, false);
    Random random = new Random(20261123);
    List<CustomerId> buyers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      buyers.add(
          intake.register(
              new NewCustomer("随机" + i, null, null, "RND-" + UUID.randomUUID(), null),
              adminUser.id()));
    }
    String prefix = "RND" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Instant start = Instant.now().minus(Duration.ofDays(3 * 365));
    Map<String, OrderId> placed = new HashMap<>();
    for (int round = 0; round < 6; round++) {
      List<OrderInput> batch = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        // new orders and revisions of earlier ones, some moving to another customer
        String external = prefix + random.nextInt(150);
        batch.add(randomOrder(random, external, buyers, start));
      }
      for (OrderIngestion.Result r :
          ingestion.upsertAll(batch, OrderIngestion.UnknownCustomer.REJECT, admin)) {
        if (r.id() != null) {
          placed.put(batch.get(r.index()).externalId(), r.id());
        }
      }
      for (OrderId id : placed.values()) {
        if (random.nextInt(10) == 0) {
          try {
            management.refund(
                id, new BigDecimal(1 + random.nextInt(80)).setScale(2), null, "随机退款", admin);
          } catch (ProblemException refusedAsTheRulesSay) {
            // more than is left, or cancelled
          }
        }
      }
    }
    Map<CustomerId, Optional<PurchaseSummary>> incremental = new HashMap<>();
    buyers.forEach(b -> incremental.put(b, summaries.find(b)));
    assertThat(incremental.values().stream().filter(Optional::isPresent).count()).isGreaterThan(4);

    transactions.executeWithoutResult(status -> summaries.rebuildAll());

    buyers.forEach(
        b -> assertThat(summaries.find(b)).as(b.toString()).isEqualTo(incremental.get(b)));
  }

  private static OrderInput randomOrder(
      Random random, String external, List<CustomerId> buyers, Instant start) {
    List<OrderInput.ItemInput> items = new ArrayList<>();
    int lines = 1 + random.nextInt(3);
    BigDecimal gross = BigDecimal.ZERO;
    for (int l = 0; l < lines; l++) {
      BigDecimal price = BigDecimal.valueOf(500 + random.nextInt(50_000), 2);
      int quantity = 1 + random.nextInt(3);
      gross = gross.add(price.multiply(BigDecimal.valueOf(quantity)));
      items.add(
          new OrderInput.ItemInput(
              "SKU" + random.nextInt(20),
              "商品",
              CATEGORIES[random.nextInt(CATEGORIES.length)],
              quantity,
              price));
    }
    BigDecimal discount =
        random.nextInt(3) == 0
            ? gross.multiply(new BigDecimal("0.10")).setScale(2, java.math.RoundingMode.DOWN)
            : null;
    int kind = random.nextInt(10);
    String status = kind == 0 ? "CANCELLED" : kind == 1 ? "REFUNDED" : null;
    Instant at = start.plus(Duration.ofMinutes(random.nextInt(3 * 365 * 24 * 60)));
    return new OrderInput(
        external,
        buyers.get(random.nextInt(buyers.size())).toString(),
        null,
        null,
        null,
        at.atOffset(ZoneOffset.ofHours(8)).toString(),
        CHANNELS[random.nextInt(CHANNELS.length)],
        null,
        items,
        discount,
        null,
        null,
        status,
        null);
  }
}
