package org.manyi.value.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.manyi.bench.BenchmarkAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Behavioural clustering of {@value #CUSTOMERS} buyers with about five purchases each, written
 * straight into the orders tables (the order API is not what is measured): reading the features
 * from the database, and the whole run (features, k-means for k = 2..8 with silhouettes, profiles
 * and the stored assignment). Timings go to {@code target/bench-results.md}.
 */
@Tag("benchmark")
@SpringBootTest(properties = "logging.level.root=WARN")
class ClusteringBenchmarks {

  static final int CUSTOMERS = Integer.getInteger("bench.clusters.customers", 100_000);
  static final String[] CATEGORIES = {"美妆护肤", "母婴", "数码家电", "服饰鞋包", "食品生鲜", "家居日用"};
  static final String[] CHANNELS = {"TMALL", "JD", "STORE", "WECHAT"};

  @Autowired JdbcTemplate jdbc;
  @Autowired BehaviourClustering clustering;

  @Test
  void clusteringOfAHundredThousandBuyers() {
    long orders = insertPurchases();
    LocalDate asOf = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    BenchmarkAccess.measure(
        "clustering: read features of " + CUSTOMERS + " buyers (" + orders + " orders)",
        1,
        3,
        () -> assertThat(clustering.rows(asOf)).hasSizeGreaterThanOrEqualTo(CUSTOMERS));
    BenchmarkAccess.measure(
        "clustering: whole run, " + CUSTOMERS + " buyers, k 2..8",
        1,
        3,
        () -> assertThat(clustering.run(asOf, 2, 8, 42, null).k()).isBetween(2, 8));
  }

  private long insertPurchases() {
    Random random = new Random(20261123);
    Instant now = Instant.now();
    long day = 86_400_000L;
    long count = 0;
    List<Object[]> orderRows = new ArrayList<>();
    List<Object[]> spendRows = new ArrayList<>();
    for (int c = 0; c < CUSTOMERS; c++) {
      UUID customer = UUID.randomUUID();
      int frequency = 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 4);
      String channel = CHANNELS[random.nextInt(CHANNELS.length)];
      String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
      double basket = Math.exp(4 + random.nextGaussian() * 0.8);
      int start = random.nextInt(1000);
      Map<String, Double> spend = new HashMap<>();
      for (int o = 0; o < frequency; o++) {
        double amount = Math.round(basket * Math.exp(random.nextGaussian() * 0.3) * 100) / 100.0;
        String orderChannel =
            random.nextDouble() < 0.8 ? channel : CHANNELS[random.nextInt(CHANNELS.length)];
        String orderCategory =
            random.nextDouble() < 0.7 ? category : CATEGORIES[random.nextInt(CATEGORIES.length)];
        spend.merge(orderCategory, amount, Double::sum);
        Timestamp at = new Timestamp(now.toEpochMilli() - (long) random.nextInt(start + 1) * day);
        orderRows.add(
            new Object[] {
              UUID.randomUUID(), orderChannel, "CB-" + c + "-" + o, customer, at, amount, at
            });
        count++;
      }
      spend.forEach((k, v) -> spendRows.add(new Object[] {customer, k, v}));
      if (orderRows.size() >= 5_000 || c == CUSTOMERS - 1) {
        jdbc.batchUpdate(
            "INSERT INTO orders (id, channel, external_id, customer_id, ordered_at, currency,"
                + " discount, total, refunded, status, content_hash, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, 'CNY', 0, ?, 0, 'PAID', 'bench', ?, ?)",
            orderRows.stream()
                .map(r -> new Object[] {r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[6]})
                .toList());
        jdbc.batchUpdate(
            "INSERT INTO purchase_category_spend (customer_id, category, amount) VALUES (?, ?,"
                + " ?)",
            spendRows);
        orderRows.clear();
        spendRows.clear();
      }
    }
    return count;
  }
}
