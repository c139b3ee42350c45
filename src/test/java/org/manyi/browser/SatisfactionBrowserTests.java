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
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.manyi.TestUsers;
import org.manyi.platform.JobStatus;
import org.manyi.platform.Jobs;
import org.manyi.surveys.SurveyId;
import org.manyi.surveys.internal.ResponseImport;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A manager runs the ECSI model on an ECSI survey's answers from the run form, watches the
 * bootstrap progress, and reads the indices with their intervals, the path diagram and the
 * importance–performance chart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SatisfactionBrowserTests {

  private static final String[][] BLOCKS = {
    {"IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5"},
    {"CUEX1", "CUEX2", "CUEX3"},
    {"PERQ1", "PERQ2", "PERQ3", "PERQ4", "PERQ5", "PERQ6", "PERQ7"},
    {"PERV1", "PERV2"},
    {"CUSA1", "CUSA2", "CUSA3"},
    {"CUSCO"},
    {"CUSL1", "CUSL2", "CUSL3"}
  };

  @LocalServerPort int port;
  @Autowired ResponseImport imports;
  @Autowired Jobs jobs;

  private WebDriver driver;

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void runsTheEcsiModelOnASurveyAndShowsIndicesAndCharts() throws Exception {
    String surveyName = "ECSI 浏览器 " + UUID.randomUUID().toString().substring(0, 6);
    String created =
        api("POST", "/api/v1/surveys", "{\"name\":\"" + surveyName + "\",\"template\":\"ECSI\"}");
    String surveyId = JsonPath.read(created, "$.id");
    UUID job =
        imports.start(
            new SurveyId(UUID.fromString(surveyId)),
            new java.io.ByteArrayInputStream(answers(150).getBytes(StandardCharsets.UTF_8)),
            "admin");
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> jobs.find(job).map(j -> j.status().finished()).orElse(false));
    assertThat(jobs.find(job).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);

    driver = Browser.start("zh-CN");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    driver.get(base() + "/login");
    driver.findElement(By.id("username")).sendKeys("admin");
    driver.findElement(By.id("password")).sendKeys(TestUsers.ADMIN_PASSWORD);
    driver.findElement(By.id("signIn")).click();
    wait.until(ExpectedConditions.urlToBe(base() + "/"));

    driver.get(base() + "/satisfaction?q=ECSI");
    driver.findElement(By.linkText("ECSI")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("runModel"))).click();
    new Select(driver.findElement(By.id("surveyId"))).selectByValue(surveyId);
    WebElement bootstrap = driver.findElement(By.id("bootstrap"));
    bootstrap.clear();
    bootstrap.sendKeys("200");
    Browser.screenshot(driver, "satisfaction-run-form-zh");
    WebElement start = driver.findElement(By.id("startRun"));
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", start);
    start.click();

    // the progress fragment polls and reloads the page once the job is done
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("index-cards")));
    assertThat(driver.findElement(By.id("n")).getText()).isEqualTo("150");
    List<WebElement> intervals =
        driver.findElements(By.cssSelector("#index-cards .index-interval"));
    assertThat(intervals).hasSize(7);
    assertThat(intervals.get(0).getText()).matches("95% 区间 \\d+\\.\\d–\\d+\\.\\d");
    assertThat(driver.findElement(By.id("index-cards")).getText()).contains("顾客满意度");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#path-diagram canvas")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ipa-chart canvas")));
    // drivers of satisfaction: image, expectations, quality, value
    assertThat(driver.findElements(By.cssSelector("#ipa-table tbody tr"))).hasSize(4);
    assertThat(driver.findElement(By.id("exportPdf")).getAttribute("href")).endsWith("export.pdf");
    Browser.screenshot(driver, "satisfaction-run-zh");
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})",
            driver.findElement(By.id("path-diagram")));
    Browser.screenshot(driver, "satisfaction-run-charts-zh");
  }

  private String base() {
    return "http://localhost:" + port;
  }

  /** ECSI answers on 1..10 driven by one latent level, dated over the last month. */
  private static String answers(int rows) {
    Random random = new Random(5);
    StringBuilder csv = new StringBuilder();
    for (String[] block : BLOCKS) {
      csv.append(String.join(",", block)).append(',');
    }
    csv.append("date\n");
    LocalDate today = LocalDate.now();
    for (int r = 0; r < rows; r++) {
      double level = random.nextGaussian();
      for (String[] block : BLOCKS) {
        double construct = 0.7 * level + 0.7 * random.nextGaussian();
        for (int i = 0; i < block.length; i++) {
          long score = Math.round(6 + 1.5 * (construct + 0.5 * random.nextGaussian()));
          csv.append(Math.max(1, Math.min(10, score))).append(',');
        }
      }
      csv.append(today.minusDays(r % 30)).append('\n');
    }
    return csv.toString();
  }

  private String api(String method, String path, String body) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(("admin:" + TestUsers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
