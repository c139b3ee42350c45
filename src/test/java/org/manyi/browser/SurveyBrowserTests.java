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

/** A customer answers a survey on a phone-sized screen; the NPS on the survey page changes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SurveyBrowserTests {

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
  void answersOnAPhoneAndTheScoreShowsOnTheSurveyPage() throws Exception {
    String created =
        api("POST", "/api/v1/surveys", "{\"name\":\"手机答卷\",\"template\":\"NPS_REASON\"}");
    String id = JsonPath.read(created, "$.id");
    String url = JsonPath.read(created, "$.url");
    api("PATCH", "/api/v1/surveys/" + id, "{\"status\":\"ACTIVE\"}");

    driver = Browser.start("zh-CN", "390,844");
    driver.get(url);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("surveyForm")));
    Browser.screenshot(driver, "survey-phone-zh");
    driver.findElement(By.cssSelector("label[for='nps-10']")).click();
    driver.findElement(By.id("reason")).sendKeys("店员很专业");
    assertThat(driver.findElement(By.id("surveyProgress")).getAttribute("style")).contains("100%");
    driver.findElement(By.id("submitResponse")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks")));
    Browser.screenshot(driver, "survey-thanks-zh");

    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    driver.get("http://localhost:" + port + "/login");
    driver.findElement(By.id("username")).sendKeys("admin");
    driver.findElement(By.id("password")).sendKeys(TestUsers.ADMIN_PASSWORD);
    driver.findElement(By.id("signIn")).click();
    wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/"));
    driver.get("http://localhost:" + port + "/surveys/" + id);
    assertThat(driver.findElement(By.id("npsValue")).getText()).isEqualTo("100.0");
    Browser.screenshot(driver, "survey-results-zh");
  }
}
