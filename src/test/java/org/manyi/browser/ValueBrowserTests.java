package org.manyi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.manyi.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9's acceptance in a browser: the backtest page draws the comparison of the signals, and the
 * lifetime-value page its holdout check, from purchases stored through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ValueBrowserTests {

  @LocalServerPort int port;

  private WebDriver driver;

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  private String api(String method, String path, String body) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(("admin:" + TestUsers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private String finishedJob(String started) throws Exception {
    String job = JsonPath.read(started, "$.jobId");
    Awaitility.await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> {
              String status = JsonPath.read(api("GET", "/api/v1/jobs/" + job, ""), "$.status");
              return !status.equals("QUEUED") && !status.equals("RUNNING");
            });
    assertThat(JsonPath.<String>read(api("GET", "/api/v1/jobs/" + job, ""), "$.status"))
        .isEqualTo("SUCCEEDED");
    return job;
  }

  @Test
  void theBacktestPageDrawsTheSignalsAndTheLifetimeValuePageItsHoldoutCheck() throws Exception {
    driver = Browser.start("zh-CN");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    LocalDate cutoff = today.minusDays(150);
    Random random = new Random(5);
    StringBuilder orders = new StringBuilder("[");
    for (int c = 0; c < 40; c++) {
      String customer = "VB-" + UUID.randomUUID().toString().substring(0, 8);
      int before = 1 + random.nextInt(4);
      int after = c % 2 == 0 ? 1 + random.nextInt(2) : 0;
      for (int p = 0; p < before + after; p++) {
        LocalDate day =
            p < before
                ? cutoff.minusDays(5 + random.nextInt(300))
                : cutoff.plusDays(5 + random.nextInt(120));
        if (orders.length() > 1) {
          orders.append(',');
        }
        orders.append(
            ("{\"externalId\":\"%s-%d\",\"customerExternalId\":\"%s\",\"customerName\":\"价值客户%d\","
                    + "\"orderedAt\":\"%sT10:00:00+08:00\",\"channel\":\"STORE\",\"items\":[{\"sku\":\"S\","
                    + "\"name\":\"商品\",\"category\":\"日用\",\"quantity\":1,\"unitPrice\":%d}]}")
                .formatted(customer, p, customer, c, day, 50 + random.nextInt(200)));
      }
    }
    orders.append(']');
    api("POST", "/api/v1/orders/batch?unknownCustomer=CREATE", orders.toString());
    finishedJob(
        api(
            "POST",
            "/api/v1/analytics/clv/fits",
            "{\"calibrationEnd\":\"%s\",\"timeUnit\":\"WEEK\",\"holdoutEnd\":\"%s\"}"
                .formatted(cutoff, today.minusDays(1))));
    String backtest =
        finishedJob(
            api(
                "POST",
                "/api/v1/analytics/churn/backtests",
                "{\"cutoff\":\"%s\",\"horizonDays\":140,\"targetPrecision\":0.5}"
                    .formatted(cutoff)));

    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    driver.get("http://localhost:" + port + "/login");
    driver.findElement(By.id("username")).sendKeys("admin");
    driver.findElement(By.id("password")).sendKeys(TestUsers.ADMIN_PASSWORD);
    driver.findElement(By.id("signIn")).click();
    wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/"));

    driver.get("http://localhost:" + port + "/analytics/warnings/backtests/" + backtest);
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#backtestChart canvas")));
    assertThat(driver.findElement(By.id("backtestSignals")).getText()).contains("综合流失风险");
    assertThat(driver.findElement(By.id("backtestProposed")).getText()).isNotBlank();
    Browser.screenshot(driver, "churn-backtest-zh");

    driver.get("http://localhost:" + port + "/analytics/clv");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-value-chart='holdout'] canvas")));
    // which customers lead depends on everything else in the shared test database
    assertThat(driver.findElement(By.id("clvTop")).findElements(By.cssSelector("tbody tr")))
        .isNotEmpty();
    Browser.screenshot(driver, "lifetime-value-zh");
  }
}
