package org.manyi.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver. Tests using it are skipped, with a
 * message, on a machine without them ({@code apt-get install chromium chromium-driver}).
 */
public final class Browser {

  static final String CHROMIUM = System.getProperty("manyi.chromium", "/usr/bin/chromium");
  static final String DRIVER = System.getProperty("manyi.chromedriver", "/usr/bin/chromedriver");

  private Browser() {}

  public static WebDriver start(String language) {
    return start(language, "1280,900");
  }

  /** A browser with a window of the given size, e.g. "390,844" for a phone. */
  public static WebDriver start(String language, String windowSize) {
    assumeTrue(
        new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute(),
        "Browser tests skipped: " + CHROMIUM + " or " + DRIVER + " not found");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=" + windowSize,
        "--lang=" + language);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    return driver;
  }

  /** Saves a screenshot under target/screenshots, for people to look at the pages. */
  public static void screenshot(WebDriver driver, String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(dir.resolve(name + ".png"), png);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
