package org.manyi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.manyi.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The service dashboard draws its Pareto chart; the working calendar page shows the holidays. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseDashboardBrowserTests {

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

  @Test
  void theDashboardDrawsTheParetoChartOfCategories() throws Exception {
    driver = Browser.start("zh-CN");
    String customer =
        JsonPath.read(
            api("POST", "/api/v1/customers?allowDuplicate=true", "{\"name\":\"看板客户\"}"), "$.id");
    String id =
        JsonPath.read(
            api(
                "POST",
                "/api/v1/cases",
                "{\"type\":\"COMPLAINT\",\"customerId\":\""
                    + customer
                    + "\",\"channel\":\"WECHAT\",\"description\":\"快递延误一周\"}"),
            "$.id");
    api("POST", "/api/v1/cases/" + id + "/acknowledge", "{}");
    api(
        "POST",
        "/api/v1/cases/" + id + "/assess",
        "{\"category\":\"delivery\",\"severity\":\"LOW\",\"urgency\":\"LOW\"}");

    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    driver.get("http://localhost:" + port + "/login");
    driver.findElement(By.id("username")).sendKeys("admin");
    driver.findElement(By.id("password")).sendKeys(TestUsers.ADMIN_PASSWORD);
    driver.findElement(By.id("signIn")).click();
    wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/"));
    driver.get("http://localhost:" + port + "/cases/dashboard");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-table='paretoCategory'] canvas")));
    assertThat(driver.findElement(By.id("paretoCategory")).getText()).contains("配送物流");
    Browser.screenshot(driver, "case-dashboard-zh");

    driver.get("http://localhost:" + port + "/admin/case-calendar?year=2026");
    assertThat(driver.findElement(By.id("calendarTable")).getText()).contains("国庆节调休上班");
    Browser.screenshot(driver, "case-calendar-zh");
  }
}
