package org.manyi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.manyi.customers.CustomerIntake;
import org.manyi.customers.NewCustomer;
import org.manyi.identity.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 4's target: the batch API sustains at least 20,000 orders per second. One client on the
 * same machine posts batches of {@value #BATCH} new orders (one to three items, buyers named by
 * external customer ID among {@value #CUSTOMERS} customers) over HTTP; each batch is parsed,
 * checked as a whole, written with JDBC batches together with the purchase summaries and stages of
 * the buyers it touches, and answered per order.
 */
@Tag("benchmark")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "logging.level.root=WARN")
class OrderBatchBenchmarks {

  static final int CUSTOMERS = 2_000;
  static final int BATCH = 5_000;
  static final int WARM_UP = 2;
  static final int MEASURED = Integer.getInteger("bench.orders.batches", 8);
  static final String[] CATEGORIES = {"美妆护肤", "母婴", "数码家电", "服饰鞋包", "食品生鲜", "家居日用"};
  static final String[] CHANNELS = {"TMALL", "JD", "STORE", "WECHAT"};

  @LocalServerPort int port;
  @Autowired CustomerIntake intake;
  @Autowired Users users;

  @Test
  void batchOrdersPerSecond() throws Exception {
    var admin = users.findByUsername("admin").orElseThrow().id();
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> externalIds = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      String external = "BENCH-" + run + "-" + i;
      intake.register(new NewCustomer("基准客户" + i, null, null, external, null), admin);
      externalIds.add(external);
    }
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String basic =
        Base64.getEncoder()
            .encodeToString("admin:admin-test-password".getBytes(StandardCharsets.UTF_8));
    Random random = new Random(4);
    int[] seq = {0};
    for (int i = 0; i < WARM_UP; i++) {
      post(http, basic, batch(random, run, externalIds, seq));
    }
    analyze();
    double[] perSecond = new double[MEASURED];
    long orders = 0;
    long nanos = 0;
    for (int i = 0; i < MEASURED; i++) {
      String body = batch(random, run, externalIds, seq);
      long start = System.nanoTime();
      post(http, basic, body);
      long took = System.nanoTime() - start;
      nanos += took;
      orders += BATCH;
      perSecond[i] = BATCH / (took / 1e9);
    }
    Arrays.sort(perSecond);
    double median =
        MEASURED % 2 == 1
            ? perSecond[MEASURED / 2]
            : (perSecond[MEASURED / 2 - 1] + perSecond[MEASURED / 2]) / 2;
    String db = System.getenv().getOrDefault("SPRING_DATASOURCE_URL", "H2 in memory");
    Benchmark.record(
        "order batch API, %d batches of %d new orders, median of batches (%s; %s)"
            .formatted(
                MEASURED,
                BATCH,
                db.startsWith("jdbc:postgresql") ? "PostgreSQL" : "H2",
                Benchmark.machine()),
        median,
        "orders/s");
    Benchmark.record(
        "order batch API, %d orders overall (%s)"
            .formatted(orders, db.startsWith("jdbc:postgresql") ? "PostgreSQL" : "H2"),
        orders / (nanos / 1e9),
        "orders/s");
    assertThat(median).isPositive();
  }

  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  /**
   * Statistics as autovacuum would keep them (it is off on the benchmark server): without them
   * PostgreSQL caches plans made for a nearly empty table and scans as the table grows.
   */
  private void analyze() {
    if (System.getenv().getOrDefault("SPRING_DATASOURCE_URL", "").startsWith("jdbc:postgresql")) {
      jdbc.execute("ANALYZE");
    }
  }

  private void post(HttpClient http, String basic, String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/orders/batch"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    int created = JsonPath.read(response.body(), "$.created");
    assertThat(created)
        .as(response.body().substring(0, Math.min(2000, response.body().length())))
        .isEqualTo(BATCH);
  }

  private static String batch(Random random, String run, List<String> customers, int[] seq) {
    StringBuilder json = new StringBuilder(BATCH * 300).append('[');
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < BATCH; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"externalId\":\"")
          .append(run)
          .append('-')
          .append(++seq[0])
          .append("\",\"customerExternalId\":\"")
          .append(customers.get(random.nextInt(customers.size())))
          .append("\",\"orderedAt\":\"")
          .append(base.plusSeconds(random.nextInt(300 * 86_400)).atOffset(ZoneOffset.ofHours(8)))
          .append("\",\"channel\":\"")
          .append(CHANNELS[random.nextInt(CHANNELS.length)])
          .append("\",\"items\":[");
      int lines = 1 + random.nextInt(3);
      for (int l = 0; l < lines; l++) {
        json.append(l == 0 ? "" : ",")
            .append("{\"sku\":\"SKU-")
            .append(random.nextInt(500))
            .append("\",\"name\":\"商品\",\"category\":\"")
            .append(CATEGORIES[random.nextInt(CATEGORIES.length)])
            .append("\",\"quantity\":")
            .append(1 + random.nextInt(3))
            .append(",\"unitPrice\":")
            .append(String.format(Locale.ROOT, "%.2f", 5 + random.nextDouble() * 500))
            .append('}');
      }
      json.append("]}");
    }
    return json.append(']').toString();
  }
}
