package org.manyi.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * The key journey in a real browser: create a customer, find it by pinyin initials with the live
 * search, open the 360 page, reveal the phone and see the timeline load. Skipped where no Chromium
 * and chromedriver are installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CustomerBrowserIntegrationTests {

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
    // a script click: headless window sizes differ between Chromium versions, and a sticky
    // navigation bar or footer may cover the element in a small one
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", element);
  }

  @Test
  void createSearchAndOpenTheCustomer360Page() {
    String base = "http://localhost:" + port;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get(base + "/login?lang=zh-CN");
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(TestUsers.ADMIN_PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

    String phone = CustomerFixtures.phone();
    browser.get(base + "/customers/new");
    browser.findElement(By.id("name")).sendKeys("张三丰");
    browser.findElement(By.id("phones")).sendKeys(phone);
    browser.findElement(By.id("city")).sendKeys("武汉市");
    browser.findElement(By.id("tags")).sendKeys("VIP, 武当");
    click(browser.findElement(By.id("saveCustomer")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("customerName")));
    String customerUrl = browser.getCurrentUrl();
    assertThat(browser.findElement(By.id("customerName")).getText()).contains("张三丰");

    browser.get(base + "/customers");
    browser.findElement(By.id("q")).sendKeys("zsf");
    // the live search swaps only the rows, without a page load
    wait.until(ExpectedConditions.urlContains("q=zsf"));
    screenshot("customers-list");
    click(wait.until(ExpectedConditions.elementToBeClickable(By.linkText("张三丰"))));
    wait.until(ExpectedConditions.urlToBe(customerUrl));

    String masked = phone.substring(0, 3) + "****" + phone.substring(7);
    assertThat(browser.findElement(By.id("customer-contacts")).getText()).contains(masked);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("customer-timeline"), "创建了客户"));
    click(browser.findElement(By.id("revealContacts")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("customer-contacts"), phone));
    screenshot("customer-360");
  }

  /** Keeps what the browser saw in target/screenshots, for a look after a failure. */
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
