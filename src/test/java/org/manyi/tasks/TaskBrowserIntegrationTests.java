package org.manyi.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.manyi.TestUsers;
import org.manyi.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The follow-up journey in a real browser: log a visit with the quick-log form (swapped in place by
 * htmx), plan a callback, complete it in the dialog after confirming, and find both interactions on
 * the customer's list. Skipped where no Chromium and chromedriver are installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskBrowserIntegrationTests {

  static WebDriver browser;

  @LocalServerPort int port;

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
  void logAVisitPlanACallbackAndCompleteIt() {
    String base = "http://localhost:" + port;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get(base + "/login?lang=zh-CN");
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(TestUsers.ADMIN_PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

    browser.get(base + "/customers/new");
    browser.findElement(By.id("name")).sendKeys("林黛玉");
    browser
        .findElement(By.id("phones"))
        .sendKeys("137" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000)));
    click(browser.findElement(By.id("saveCustomer")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("customerName")));
    String customerUrl = browser.getCurrentUrl();
    String customer = customerUrl.substring(customerUrl.lastIndexOf('/') + 1);

    browser.get(customerUrl + "/interactions/new");
    click(browser.findElement(By.id("direction-INBOUND")));
    browser.findElement(By.id("subject")).sendKeys("到店试穿");
    browser.findElement(By.id("durationMinutes")).sendKeys("30");
    click(browser.findElement(By.id("logInteraction")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("interaction-quick-log"), "沟通已记录"));
    assertThat(browser.getCurrentUrl()).endsWith("/interactions/new");

    browser.get(base + "/tasks/new?customer=" + customer);
    browser.findElement(By.id("notes")).sendKeys("询问试穿后的购买意向");
    click(browser.findElement(By.id("createTask")));
    wait.until(ExpectedConditions.urlContains("tab=upcoming"));
    // the form proposes tomorrow at ten, and the list shows it in the same (business) time zone
    assertThat(browser.findElement(By.id("task-rows")).getText()).contains("林黛玉", "10:00");
    screenshot("tasks-upcoming");

    click(browser.findElement(By.cssSelector("#task-rows a.btn-success")));
    WebElement note =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("resultNote")));
    note.sendKeys("客户决定购买两件");
    screenshot("task-complete-dialog");
    click(browser.findElement(By.id("confirmComplete")));
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), "回访已记为"));

    browser.get(customerUrl + "/interactions");
    String list = browser.findElement(By.id("interaction-rows")).getText();
    assertThat(list).contains("到店试穿").contains("客户决定购买两件");
  }

  private static void screenshot(String name) {
    try {
      Path target = Path.of("target/screenshots");
      Files.createDirectories(target);
      Files.write(
          target.resolve(name + ".png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
