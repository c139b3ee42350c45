package org.manyi.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.manyi.TestUsers;
import org.manyi.browser.Browser;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerIntake;
import org.manyi.customers.NewCustomer;
import org.manyi.identity.Users;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The defection journey in a real browser: record why a lost customer left (the form names the
 * missing competitor and keeps what was typed), then find the reason on the Pareto chart, drawn by
 * ECharts under the content security policy, and the customer on the win-back list. Skipped where
 * no Chromium and chromedriver are installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DefectionBrowserIntegrationTests {

  static WebDriver browser;

  @LocalServerPort int port;
  @Autowired CustomerIntake intake;
  @Autowired Users users;

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start("zh-CN", "1400,1000");
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static void click(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", element);
  }

  @Test
  void recordADefectionAndFindItOnTheParetoChart() {
    CustomerId customer =
        intake.register(
            new NewCustomer("贾宝玉", null, null, null, null),
            users.findByUsername("admin").orElseThrow().id());
    String base = "http://localhost:" + port;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get(base + "/login?lang=zh-CN");
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(TestUsers.ADMIN_PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

    browser.get(base + "/customers/" + customer.value() + "/defection");
    click(browser.findElement(By.id("kind-SWITCHED_TO_COMPETITOR")));
    click(browser.findElement(By.id("reason-PRICE")));
    click(browser.findElement(By.id("reason-DELIVERY")));
    browser.findElement(By.id("notes")).sendKeys("配送太慢");
    click(browser.findElement(By.cssSelector("#defectionForm button[type=submit]")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("defectionError")));
    assertThat(browser.findElement(By.id("defectionError")).getText()).contains("竞争对手");
    assertThat(browser.findElement(By.id("notes")).getAttribute("value")).isEqualTo("配送太慢");
    assertThat(browser.findElement(By.id("reason-DELIVERY")).isSelected()).isTrue();

    browser.findElement(By.id("competitor")).sendKeys("某东");
    click(browser.findElement(By.cssSelector("#defectionForm button[type=submit]")));
    wait.until(ExpectedConditions.urlMatches(".*/customers/" + customer.value() + "$"));

    browser.get(base + "/analytics/defections");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#paretoChart canvas")));
    assertThat(browser.findElement(By.id("paretoTable")).getText()).contains("价格", "配送");
    assertThat(browser.findElement(By.id("winBackTable")).getText()).contains("贾宝玉", "某东", "价格");
    // the breakdown names the reasons and counts them
    assertThat(browser.findElement(By.id("defectionsBy-stage")).getText())
        .contains("价格", "配送")
        .doesNotContain("PRICE");
    Browser.screenshot(browser, "value-defections");
  }
}
