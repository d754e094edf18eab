package app.courtesy.system;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driving the deployed application. Without Chromium the browser tests are
 * skipped with a loud message, unless {@code -Dbrowser=required} makes that a failure.
 */
final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS =
      Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

  /** Where downloads land, inside the browser's temporary profile. */
  private static final String DOWNLOADS = "downloads";

  private final WebDriver driver;
  private final Path profile;

  private Browser(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static Browser open() {
    requireChromium();
    try {
      Path profile = Files.createTempDirectory("courtesy-chromium");
      ChromeOptions options =
          new ChromeOptions()
              .setExperimentalOption(
                  "prefs",
                  Map.of(
                      "download.default_directory",
                      profile.resolve(DOWNLOADS).toString(),
                      "download.prompt_for_download",
                      false))
              .setBinary(CHROMIUM.toFile())
              .addArguments(
                  "--headless=new",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-quic",
                  "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--window-size=1280,900",
                  "--lang=en-US",
                  "--user-data-dir=" + profile);
      options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
      return new Browser(new ChromeDriver(service, options), profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requireChromium() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (installed) {
      return;
    }
    String message =
        "\n*****************************************************************\n"
            + "  BROWSER TESTS SKIPPED: Chromium is not installed.\n"
            + "  Install it with: apt-get install -y chromium chromium-driver\n"
            + "*****************************************************************";
    System.err.println(message);
    if ("required".equals(System.getProperty("browser"))) {
      fail("Browser tests are required (-Dbrowser=required) but Chromium is missing." + message);
    }
    assumeTrue(false, message);
  }

  /** The window's inner size, e.g. 390 wide for a phone. */
  Browser viewport(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    return this;
  }

  /** Presses keys as a keyboard user would, on whatever has the focus. */
  void keys(CharSequence... keys) {
    new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
  }

  /** The focused control's name, or its text: where the keyboard is; empty on the page itself. */
  String focused() {
    WebElement active = driver.switchTo().activeElement();
    if (active.getTagName().equalsIgnoreCase("body")) {
      return "";
    }
    String name = active.getAttribute("name");
    return name != null && !name.isEmpty() ? name : active.getText();
  }

  /** Clicks what a CSS selector finds, a plain link or button of a page without scripts. */
  void clickCss(String cssSelector) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector)))
        .click();
  }

  Browser go(String path) {
    driver.get(Courtesy.URL + path);
    return this;
  }

  Browser signIn(String username, String password) {
    go("/login.xhtml");
    await("#login\\:username", Duration.ofSeconds(10));
    type("login:username", username);
    type("login:password", password);
    click("login:sign-in");
    // Signed in (the header names the person), asked for a code, or told why not: then go on.
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d ->
                !d.findElements(By.id("account:signed-in-as")).isEmpty()
                    || !d.findElements(By.id("second-step")).isEmpty()
                    || !d.findElements(By.cssSelector("#login .ui-messages-error")).isEmpty());
    return this;
  }

  /** The element with this id, once the page has it (a page may still be arriving). */
  private WebElement find(String id) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(10))
          .until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot("missing-" + id.replaceAll("[^A-Za-z0-9-]", ""));
      throw new AssertionError(
          "No element " + id + " on " + driver.getCurrentUrl() + " (" + driver.getTitle() + ")", e);
    }
  }

  void type(String id, String text) {
    WebElement field = find(id);
    field.clear();
    field.sendKeys(text);
  }

  /** Types into a field that filters over ajax, and waits until the target shows the text. */
  void typeAndAwait(String id, String text, String targetCss, String expected) {
    type(id, text);
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> text(targetCss).contains(expected));
    // a pause in typing may have sent one more request, which renders the target again
    awaitAjax();
  }

  /**
   * Types into a field that reacts over ajax after a pause in typing, and waits until the target's
   * text matches {@code expected} (a regular expression) somewhere.
   */
  void typeAndAwaitMatch(String id, String text, String targetCss, String expected) {
    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(expected);
    type(id, text);
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> pattern.matcher(text(targetCss)).find());
    awaitAjax();
  }

  /**
   * Adds text at the end of a field that reacts over ajax after a pause in typing, and waits until
   * the target shows the expected text.
   */
  void appendAndAwait(String id, String text, String targetCss, String expected) {
    WebElement field = find(id);
    field.sendKeys(
        org.openqa.selenium.Keys.chord(
            org.openqa.selenium.Keys.CONTROL, org.openqa.selenium.Keys.END),
        text);
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> text(targetCss).contains(expected));
    awaitAjax();
  }

  /**
   * Fills a PrimeFaces date picker's field as a keyboard user would, without its calendar popping
   * up over the buttons below.
   */
  void date(String id, java.time.LocalDate date) {
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript(
            "document.getElementById(arguments[0]).value = arguments[1];",
            id + "_input",
            date.toString());
  }

  /** Sets a PrimeFaces number field through its widget, as typing and leaving the field would. */
  void number(String id, String value) {
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("PrimeFaces.getWidgetById(arguments[0]).setValue(arguments[1]);", id, value);
  }

  /** Chooses a file in a plain file field, as a person picking it from their disk. */
  void attach(String id, Path file) {
    find(id).sendKeys(file.toAbsolutePath().normalize().toString());
  }

  /** Gives a file to a PrimeFaces file upload, which sends it at once. */
  void upload(String fileUploadId, Path file) {
    find(fileUploadId + "_input").sendKeys(file.toAbsolutePath().normalize().toString());
  }

  /**
   * Picks an option of a PrimeFaces select menu by its value, through the widget as a person's
   * click would, and waits for the ajax update it starts.
   */
  void choose(String menuId, String value) {
    // the page's scripts make the widget once the page has loaded
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript(
                            "return !!(window.PrimeFaces && PrimeFaces.getWidgetById(arguments[0]));",
                            menuId)));
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript(
            "var menu = PrimeFaces.getWidgetById(arguments[0]);"
                + " menu.selectValue(arguments[1]); menu.input.trigger('change');",
            menuId,
            value);
    awaitAjax();
  }

  /** Ticks a PrimeFaces check box as a click on it would, and waits for its ajax update. */
  void tick(String id) {
    driver.findElement(By.cssSelector("[id='" + id + "'] .ui-chkbox-box")).click();
    awaitAjax();
  }

  /** Ticks the option of a PrimeFaces check box list whose label contains {@code label}. */
  void checkByLabel(String id, String label) {
    WebElement option =
        driver.findElements(By.cssSelector("[id='" + id + "'] label")).stream()
            .filter(l -> l.getText().contains(label))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No option " + label + " in " + id));
    driver
        .findElement(By.id(option.getAttribute("for")))
        .findElement(By.xpath("../../div[contains(@class, 'ui-chkbox-box')]"))
        .click();
  }

  /** How many elements a CSS selector finds now, e.g. the rows of a table's page. */
  int count(String cssSelector) {
    return driver.findElements(By.cssSelector(cssSelector)).size();
  }

  /** Waits until PrimeFaces has no ajax request queued or running. */
  void awaitAjax() {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript(
                            "return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty();")));
  }

  /** Clicks a button that works over ajax. */
  void press(String id) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.elementToBeClickable(By.id(id)))
        .click();
    awaitAjax();
  }

  /** Clicks the ajax button a CSS selector finds (one of a table's rows, say), and waits. */
  void pressCss(String cssSelector) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector)))
        .click();
    awaitAjax();
  }

  /** Waits until an element shows, e.g. the result of an ajax request or a background job. */
  void await(String cssSelector, Duration timeout) {
    try {
      WebElement shown =
          new WebDriverWait(driver, timeout)
              .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
      ((org.openqa.selenium.JavascriptExecutor) driver)
          .executeScript("arguments[0].scrollIntoView(true);", shown);
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot("timeout-" + cssSelector.replaceAll("[^A-Za-z0-9-]", ""));
      throw e;
    }
  }

  /** The id of the element {@code cssSelector} finds, for the methods that take an id. */
  String idOf(String cssSelector) {
    return driver.findElement(By.cssSelector(cssSelector)).getAttribute("id");
  }

  /** Follows the link among {@code cssSelector} whose text contains {@code text}, to its page. */
  void follow(String cssSelector, String text) {
    WebElement link =
        driver.findElements(By.cssSelector(cssSelector)).stream()
            .filter(l -> l.getText().contains(text))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No link " + text + " among " + cssSelector));
    link.click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> isGone(link));
  }

  /** Clicks a non-ajax button and waits for the next page. */
  void click(String id) {
    WebElement button =
        new WebDriverWait(driver, Duration.ofSeconds(10))
            .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
            .until(
                d -> {
                  WebElement found = d.findElement(By.id(id));
                  found.click();
                  return found;
                });
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> isGone(button));
  }

  /**
   * Whether the element left the page. Chromium reports a node of an unloaded page either as stale
   * or, while the next page is being built, as "not belonging to the document": both mean gone.
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.WebDriverException gone) {
      return true;
    }
  }

  /** The file the browser downloaded under this name, once it is complete. */
  Path downloaded(String name) {
    Path file = profile.resolve(DOWNLOADS).resolve(name);
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> Files.exists(file) && !Files.exists(Path.of(file + ".crdownload")));
    return file;
  }

  String path() {
    return driver.getCurrentUrl().substring(Courtesy.URL.length());
  }

  /** The path once the browser has followed its redirects there; the last path if it never does. */
  String awaitPath(String expected) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> path().equals(expected));
    } catch (org.openqa.selenium.TimeoutException stillElsewhere) {
      // The caller's assertion reports where the browser is instead.
    }
    return path();
  }

  String title() {
    return driver.getTitle();
  }

  /** The current value of an input field. */
  /** A field's value, once ajax has drawn the field (and read again if it draws it anew). */
  String value(String id) {
    return new WebDriverWait(driver, Duration.ofSeconds(5))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id(id)).getDomProperty("value"));
  }

  /** The element's text; read again if ajax renders it anew while it is being read. */
  String text(String cssSelector) {
    return new WebDriverWait(driver, Duration.ofSeconds(5))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> d.findElement(By.cssSelector(cssSelector)).getText());
  }

  boolean has(String cssSelector) {
    return !driver.findElements(By.cssSelector(cssSelector)).isEmpty();
  }

  /** Whether the element is on the page and visible to the user. */
  boolean shows(String cssSelector) {
    return driver.findElements(By.cssSelector(cssSelector)).stream()
        .anyMatch(WebElement::isDisplayed);
  }

  /** A screenshot with the element at the top of the window. */
  void screenshot(String name, String cssSelector) {
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].scrollIntoView();", driver.findElement(By.cssSelector(cssSelector)));
    screenshot(name);
  }

  /** Saves what the page looks like now, for a person to look at. */
  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Closes the browsers a test opened before it ran; those it never opened (Chromium missing, the
   * test skipped) are null and left alone.
   */
  static void closeAll(Browser... browsers) {
    for (Browser browser : browsers) {
      if (browser != null) {
        browser.close();
      }
    }
  }

  /**
   * Quits the browser, and fails the test if any page broke the content security policy: the
   * browser refused a script or handler of ours, so a part of that page did not work.
   */
  @Override
  public void close() {
    java.util.List<String> refused =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .map(LogEntry::getMessage)
            .filter(message -> message.contains("Content Security Policy"))
            .toList();
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary profile is harmless.
    }
    if (!refused.isEmpty()) {
      fail(
          "The browser refused what the content security policy forbids:\n"
              + String.join("\n", refused));
    }
  }
}
