package org.manyi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.manyi.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Key journeys in a real browser: sign in, change language, sign out, a failed sign-in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInBrowserTests {

  @LocalServerPort int port;

  private WebDriver driver;

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void signIn(String username, String password) {
    driver.get(url("/login"));
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("signIn")).click();
  }

  @Test
  void signsInSwitchesLanguageAndSignsOut() {
    driver = Browser.start("zh-CN");
    signIn("admin", TestUsers.ADMIN_PASSWORD);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.until(ExpectedConditions.urlToBe(url("/")));
    assertThat(driver.findElement(By.tagName("h1")).getText()).contains("欢迎");
    Browser.screenshot(driver, "home-zh");

    driver.findElement(By.id("languageMenu")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("lang-en"))).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));
    Browser.screenshot(driver, "home-en");

    // the choice is remembered on the next page
    driver.get(url("/jobs"));
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Jobs");

    driver.findElement(By.id("userMenu")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("signOut"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("loggedOut")));
    assertThat(driver.getCurrentUrl()).contains("/login?logout");
    driver.get(url("/"));
    assertThat(driver.getCurrentUrl()).endsWith("/login");
  }

  @Test
  void aFailedSignInSaysSoAndStaysOnTheSignInPage() {
    driver = Browser.start("en");
    signIn("admin", "not-the-password");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("loginError")));
    assertThat(driver.findElement(By.id("loginError")).getText())
        .contains("username or password is not right");
    Browser.screenshot(driver, "login-failed-en");
  }
}
