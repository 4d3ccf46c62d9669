package kr.vaccinepass.portal.testsupport;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven by chromedriver, offline (no Selenium Manager). Where no
 * Chromium is installed the browser tests are skipped with a message, except under CI (CI=true),
 * where a missing browser fails the run.
 */
public final class Browser implements AutoCloseable {
  private static final String CHROMIUM = env("PORTAL_TEST_CHROMIUM", "/usr/bin/chromium");
  private static final String DRIVER = env("PORTAL_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");

  private final WebDriver driver;
  private final String base;
  private final Path profile;

  private Browser(WebDriver driver, String base, Path profile) {
    this.driver = driver;
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.profile = profile;
  }

  public static Browser open(URL base) throws Exception {
    boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
    if (!present) {
      String why = "no Chromium at " + CHROMIUM + " with chromedriver at " + DRIVER;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(why + ": under CI the browser tests must run (.ci/run installs them)");
      }
      Assumptions.abort(why + ": browser tests skipped (apt-get install chromium chromium-driver)");
    }
    System.setProperty("SE_OFFLINE", "true");
    Path profile = Files.createTempDirectory("portal-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--window-size=1280,1000",
        "--lang=ko-KR",
        "--user-data-dir=" + profile);
    // the console, so that a test can see what the Content-Security-Policy refused
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return new Browser(driver, base.toString(), profile);
  }

  public Browser go(String path) {
    driver.get(base + path);
    return this;
  }

  public WebDriver driver() {
    return driver;
  }

  public String path() {
    String url = driver.getCurrentUrl();
    return url.startsWith(base) ? url.substring(base.length()) : url;
  }

  public WebElement find(String cssSelector) {
    return waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
  }

  /** An element by its JSF client id (the colons escaped for CSS). */
  public WebElement id(String clientId) {
    return find("#" + clientId.replace(":", "\\:"));
  }

  /**
   * Types into an input, replacing what it holds. A PrimeFaces datePicker puts its value back when
   * cleared, so what is left after clearing is selected and typed over.
   */
  public Browser type(String clientId, String text) {
    waitForAjax();
    WebElement input = id(clientId);
    input.clear();
    String left = input.getAttribute("value");
    if (left != null && !left.isEmpty()) {
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    }
    input.sendKeys(text);
    return this;
  }

  public Browser click(String clientId) {
    return click(By.id(clientId));
  }

  /**
   * Clicks the element once it is clickable. Finding it and clicking it are one step of the wait: a
   * table that a poll re-renders between the two (the grace page's batch progress) leaves a stale
   * element, and the wait then finds the new one and clicks that. A stale element is refused by the
   * driver before any click is dispatched, so nothing is clicked twice.
   */
  public Browser click(By locator) {
    waitForAjax();
    waitFor(
        (org.openqa.selenium.support.ui.ExpectedCondition<Boolean>)
            d -> {
              WebElement e = ExpectedConditions.elementToBeClickable(locator).apply(d);
              if (e == null) {
                return null;
              }
              e.click();
              return Boolean.TRUE;
            });
    return this;
  }

  /**
   * Chooses an option of a PrimeFaces selectOneMenu by its visible label, through the widget (as a
   * click on the option does, with its change event and AJAX), once any AJAX update of the menu has
   * finished. Clicking into the animated overlay proved flaky on a loaded 2-core machine.
   */
  public Browser choose(String clientId, String label) {
    waitForAjax();
    id(clientId);
    // the options of a dependent menu arrive by AJAX: wait for the option, then choose it
    try {
      waitFor(
          d ->
              Boolean.TRUE.equals(
                  ((JavascriptExecutor) d)
                      .executeScript(
                          "var id = arguments[0], label = arguments[1];"
                              + "var select = document.getElementById(id + '_input');"
                              + "var option = select && Array.from(select.options)"
                              + ".find(o => o.text.trim() === label);"
                              + "if (!option) { return false; }"
                              + "var menu = PrimeFaces.getWidgetById(id);"
                              + "menu.selectValue(option.value); menu.triggerChange();"
                              + "return true;",
                          clientId,
                          label)));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("no option '" + label + "' in " + clientId, e);
    }
    waitFor(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#" + (clientId + "_label").replace(":", "\\:")), label));
    waitForAjax();
    return this;
  }

  /**
   * Switches the session's language with the header's switch and waits for the page it reloads (a
   * full submit: waiting for AJAX alone lets the next navigation race the switch).
   */
  public Browser switchLanguage(String language) {
    WebElement link = id("langForm:" + language);
    link.click();
    waitFor(ExpectedConditions.stalenessOf(link));
    waitFor(
        d ->
            language.equals(
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return document.readyState === 'complete'"
                            + " ? document.documentElement.lang : null;")));
    return waitForAjax();
  }

  /** Waits until the page has loaded and no jQuery or PrimeFaces AJAX request is under way. */
  public Browser waitForAjax() {
    waitFor(
        d ->
            Boolean.TRUE.equals(
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return document.readyState === 'complete'"
                            + " && (!window.jQuery || jQuery.active === 0)"
                            + " && (!window.PrimeFaces || !PrimeFaces.ajax"
                            + " || PrimeFaces.ajax.Queue.isEmpty());")));
    return this;
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public Browser waitForText(String text) {
    try {
      waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "expected \"" + text + "\" on " + path() + " but the page says:\n" + text(), e);
    }
    return this;
  }

  public Browser waitForPath(String pathPrefix) {
    try {
      waitFor(d -> path().startsWith(pathPrefix));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "expected to reach " + pathPrefix + " but am at " + path() + ":\n" + text(), e);
    }
    return this;
  }

  public <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
    return patiently().until(d -> untilReplaced(condition::apply, d));
  }

  private <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
    return patiently().until(d -> untilReplaced(condition, d));
  }

  /**
   * Chromium answers "node … does not belong to the document" when the page is replaced while an
   * element is read (a navigation under way): like a stale element, the wait tries again.
   */
  private static <T> T untilReplaced(
      java.util.function.Function<WebDriver, T> condition, WebDriver driver) {
    try {
      return condition.apply(driver);
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return null;
      }
      throw e;
    }
  }

  private WebDriverWait patiently() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** Answers "yes" in the PrimeFaces confirmation dialog that a button opened. */
  public Browser confirm() {
    waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")))
        .click();
    return this;
  }

  /** Signs in on the sign-in page and waits to leave it. */
  public Browser signIn(String email, String password) {
    go("/public/login.xhtml");
    type("loginForm:email", email);
    type("loginForm:password", password);
    click("loginForm:submit");
    waitFor(d -> !path().startsWith("/public/login.xhtml"));
    return this;
  }

  /** What the browser's console said since the last call about a refused script, style or image. */
  public java.util.List<String> securityPolicyViolations() {
    return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .map(org.openqa.selenium.logging.LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy") || m.contains("Permissions policy"))
        .toList();
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (java.io.IOException ignored) {
      // a temporary profile left behind is harmless
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
