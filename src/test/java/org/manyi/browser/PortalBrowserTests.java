package org.manyi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.manyi.TestUsers;
import org.manyi.cases.PortalFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A customer on a phone finds an article by a Chinese query, submits a complaint (articles are
 * suggested while typing), follows it with the mailed code and rejects the answer, which escalates
 * the case.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=39032",
      "manyi.mail.from=service@manyi.test"
    })
class PortalBrowserTests {

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(new ServerSetup(39032, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withPerMethodLifecycle(false);

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
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isLessThan(300);
    return response.body();
  }

  /** Clicks after scrolling at once: Bootstrap's smooth scrolling would move the target away. */
  private void click(By by) {
    var element = driver.findElement(by);
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
    element.click();
  }

  /** The staff side: acknowledge, assess, assign to a new team and answer. */
  private String answer(String number) throws Exception {
    String list = api("GET", "/api/v1/cases?size=200", "");
    String id =
        JsonPath.<List<String>>read(list, "$.items[?(@.number == '" + number + "')].id").get(0);
    String teamName = "门户组" + UUID.randomUUID().toString().substring(0, 6);
    api("POST", "/api/v1/teams", "{\"name\":\"" + teamName + "\"}");
    String team =
        JsonPath.<List<String>>read(
                api("GET", "/api/v1/teams", ""), "$..[?(@.name == '" + teamName + "')].id")
            .get(0);
    String agent = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    api(
        "POST",
        "/api/v1/users",
        "{\"username\":\"%s\",\"displayName\":\"坐席\",\"roles\":[\"AGENT\"],\"team\":\"%s\",\"password\":\"%s\"}"
            .formatted(agent, teamName, TestUsers.PASSWORD));
    // the portal's receipt mail acknowledges the case when a mail server is configured
    if (JsonPath.<String>read(api("GET", "/api/v1/cases/" + id, ""), "$.status")
        .equals("RECEIVED")) {
      api("POST", "/api/v1/cases/" + id + "/acknowledge", "{\"message\":\"已收到，正在核实\"}");
    }
    api(
        "POST",
        "/api/v1/cases/" + id + "/assess",
        "{\"category\":\"product_quality\",\"severity\":\"MEDIUM\",\"urgency\":\"MEDIUM\"}");
    api("POST", "/api/v1/cases/" + id + "/assign", "{\"queue\":\"" + team + "\"}");
    api(
        "POST",
        "/api/v1/cases/" + id + "/notes",
        "{\"text\":\"内部：批次质量问题\",\"visibility\":\"INTERNAL\"}");
    api(
        "POST",
        "/api/v1/cases/" + id + "/respond",
        "{\"remedy\":\"REPAIR\",\"amount\":120,\"message\":\"我们为您免费维修耳机\"}");
    return id;
  }

  @Test
  void findsAnArticleSubmitsFollowsWithTheCodeAndRejectsTheAnswer() throws Exception {
    String created =
        api(
            "POST",
            "/api/v1/kb/articles",
            """
            {"title":"耳机退货退款说明","body":"耳机签收后七天内可申请退货，退款在仓库签收后三个工作日内原路退回。",
             "category":"售后","tags":"耳机, 退款","language":"ZH"}
            """);
    String article = JsonPath.read(created, "$.id");
    api("POST", "/api/v1/kb/articles/" + article + "/publish", "");

    driver = Browser.start("zh-CN", "390,844");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    driver.get("http://localhost:" + port + "/portal");
    driver.findElement(By.id("q")).sendKeys("耳机怎么退款");
    click(By.id("searchButton"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("portalHits"), "耳机退货退款说明"));
    Browser.screenshot(driver, "portal-search-zh");
    click(By.cssSelector("#portalHits .portal-hit"));
    wait.until(ExpectedConditions.textToBe(By.id("articleTitle"), "耳机退货退款说明"));
    click(By.id("voteYes"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flashSuccess")));

    driver.get("http://localhost:" + port + "/portal/submit");
    new Select(driver.findElement(By.id("type"))).selectByValue("COMPLAINT");
    driver.findElement(By.id("description")).sendKeys("新买的耳机左耳没有声音，想退款");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#kbSuggestions .kb-suggestion")));
    assertThat(driver.findElement(By.id("kbSuggestions")).getText()).contains("耳机退货退款说明");
    driver.findElement(By.id("name")).sendKeys("周杰");
    String email = "zhou" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
    driver.findElement(By.id("email")).sendKeys(email);
    Browser.screenshot(driver, "portal-submit-zh");
    click(By.id("submitCase"));
    String number =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("caseNumber"))).getText();
    assertThat(number).matches("C\\d{8}-\\d{4}");

    click(By.id("followLink"));
    assertThat(driver.findElement(By.id("number")).getAttribute("value")).isEqualTo(number);
    driver.findElement(By.id("email")).sendKeys(email);
    click(By.id("sendCode"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("codeSent")));
    driver.findElement(By.id("code")).sendKeys(PortalFixtures.lastCode(smtp, email));
    click(By.id("verifyCode"));
    // the receipt the portal mailed acknowledged the case
    wait.until(ExpectedConditions.textToBe(By.id("caseStatus"), "已确认"));

    String id = answer(number);
    driver.navigate().refresh();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reactionForm")));
    assertThat(driver.findElement(By.id("history")).getText())
        .contains("我们为您免费维修耳机")
        .contains("已通过邮件确认受理")
        .doesNotContain("批次质量问题");
    Browser.screenshot(driver, "portal-case-zh");
    click(By.cssSelector("label[for='sat-2']"));
    driver.findElement(By.id("note")).sendKeys("维修太慢，我要退款");
    click(By.id("reject"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("externalOptions")));
    assertThat(driver.findElement(By.id("caseStatus")).getText()).isEqualTo("主管复核中");
    Browser.screenshot(driver, "portal-rejected-zh");

    String staffView = api("GET", "/api/v1/cases/" + id, "");
    assertThat((String) JsonPath.read(staffView, "$.status")).isEqualTo("ESCALATED");
    assertThat((String) JsonPath.read(staffView, "$.reaction")).isEqualTo("REJECTED");
  }
}
