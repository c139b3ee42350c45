package org.manyi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 5's target: the response endpoint sustains at least 1,000 submissions per second. Clients
 * on the same machine post NPS + comment responses over HTTP for a fixed time; each response is
 * validated, stored with its item-level answers and publishes its event.
 */
@Tag("benchmark")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "manyi.surveys.responses-per-address-per-hour=100000000",
      "logging.level.root=WARN"
    })
class SurveyResponseBenchmarks {

  private static final int CLIENTS = 16;
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final Duration MEASURED = Duration.ofSeconds(20);

  @LocalServerPort int port;

  @Test
  void responsesPerSecond() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String basic =
        Base64.getEncoder()
            .encodeToString("admin:admin-test-password".getBytes(StandardCharsets.UTF_8));
    String created =
        http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/surveys"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"bench\",\"template\":\"NPS_REASON\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String id = JsonPath.read(created, "$.id");
    String url = JsonPath.read(created, "$.url");
    http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/surveys/" + id))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"ACTIVE\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    URI endpoint =
        URI.create(
            "http://localhost:"
                + port
                + "/api/v1/public/responses/"
                + url.substring(url.lastIndexOf('/') + 1));

    run(http, endpoint, WARM_UP);
    long start = System.nanoTime();
    long done = run(http, endpoint, MEASURED);
    double seconds = (System.nanoTime() - start) / 1e9;
    double perSecond = done / seconds;
    Benchmark.record(
        "survey responses over HTTP, %d clients, %.0f s (%s)"
            .formatted(CLIENTS, seconds, Benchmark.machine()),
        perSecond,
        "responses/s");
    assertThat(done).isPositive();
  }

  private static long run(HttpClient http, URI endpoint, Duration duration) throws Exception {
    AtomicLong ok = new AtomicLong();
    long until = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      final int client = c;
      clients.add(
          pool.submit(
              () -> {
                int i = 0;
                while (System.nanoTime() < until) {
                  String body =
                      "{\"answers\":{\"nps\":" + ((client + i++) % 11) + ",\"reason\":\"基准测试\"}}";
                  HttpResponse<String> response =
                      http.send(
                          HttpRequest.newBuilder(endpoint)
                              .header("Content-Type", "application/json")
                              .POST(HttpRequest.BodyPublishers.ofString(body))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  if (response.statusCode() == 201) {
                    ok.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> client : clients) {
      client.get();
    }
    pool.shutdown();
    return ok.get();
  }
}
