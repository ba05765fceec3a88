package dev.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, through its own chromedriver (never one Selenium would fetch: the
 * machines that run this may be offline). Missing, it fails the tests that need it with what to
 * install, rather than skip them.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Duration WAIT = Duration.ofSeconds(20);

  final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  static Browser open() {
    Path chromium = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    Path chromedriver = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));
    if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
      throw new AssertionError(
          "the console's browser tests need Debian's Chromium and its driver at "
              + chromium
              + " and "
              + chromedriver
              + ": apt-get install -y chromium chromium-driver (.ci/run installs them)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // as root in a container, Chromium's sandbox cannot start
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--lang=en-US",
        "--window-size=1280,1000",
        "--hide-scrollbars");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build();
    return new Browser(new ChromeDriver(service, options));
  }

  void open(String url) {
    driver.get(url);
  }

  /** Waits for the page to show something; the deadline only bounds a failure. */
  void await(String what, BooleanSupplier condition) {
    try {
      new WebDriverWait(driver, WAIT)
          .withMessage(what)
          .ignoring(WebDriverException.class)
          .until(d -> condition.getAsBoolean());
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot("failed-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
      throw new AssertionError(
          "timed out waiting for " + what + "; the page says:\n" + bodyText(), e);
    }
  }

  private String bodyText() {
    try {
      return driver.findElement(org.openqa.selenium.By.tagName("body")).getText();
    } catch (WebDriverException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** A textarea's whole text replaced, as typing would: its input event fires. */
  void setText(String css, String text) {
    driver.executeScript(
        "const el = document.querySelector(arguments[0]); el.value = arguments[1];"
            + " el.dispatchEvent(new Event('input', {bubbles: true}));",
        css,
        text);
  }

  /** The inner size of the page (the window's outer size differs by the browser's own frame). */
  void viewport(int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
  }

  void resetViewport() {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  void darkMode(boolean dark) {
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of(
            "features",
            List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
  }

  /** The dictionary keys the page asked for and did not find (window.runnerMissing). */
  @SuppressWarnings("unchecked")
  List<String> missingStrings() {
    Object found = driver.executeScript("return window.runnerMissing || []");
    return found instanceof List<?> list ? (List<String>) list : List.of();
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException | WebDriverException e) {
      // a screenshot is a by-product: a failure to write one does not fail the test
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
