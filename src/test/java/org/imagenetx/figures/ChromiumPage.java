package org.imagenetx.figures;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens a local page in headless Chromium (Debian packages {@code chromium} and {@code
 * chromium-driver}, which {@code .ci/run} installs) and reports what a reader would see. Fails,
 * never skips, when Chromium is missing: the browser check is part of the acceptance.
 */
final class ChromiumPage {
  /**
   * @param images img src → naturalWidth (0 when it did not load)
   * @param consoleErrors SEVERE browser console entries
   */
  record Report(Map<String, Long> images, List<String> consoleErrors) {}

  private ChromiumPage() {}

  static Path executable(String... candidates) {
    for (String c : candidates) {
      Path p = Path.of(c);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    fail(
        "headless Chromium missing ("
            + String.join(" or ", candidates)
            + "): apt-get install -y chromium chromium-driver (.ci/run does)");
    return null;
  }

  /**
   * What a reader sees at one window width.
   *
   * @param scrollWidth the page's full width, CSS pixels
   * @param clientWidth the viewport's width, CSS pixels (a horizontal scroll bar when smaller)
   * @param visibleText the page's rendered text ({@code innerText})
   * @param screenshot the PNG written
   */
  record Layout(long scrollWidth, long clientWidth, String visibleText, Path screenshot) {}

  /**
   * Opens the page in a window of the given width and saves a screenshot of the viewport.
   *
   * @param page the page
   * @param profile a fresh browser profile folder
   * @param width window width, CSS pixels
   * @param screenshot where the PNG goes
   * @return the layout
   */
  static Layout layout(Path page, Path profile, int width, Path screenshot) throws Exception {
    ChromeDriver d = driver(profile, width);
    try {
      d.get(page.toAbsolutePath().toUri().toString());
      JavascriptExecutor js = d;
      long scroll =
          ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
      long client =
          ((Number) js.executeScript("return document.documentElement.clientWidth;")).longValue();
      String text = (String) js.executeScript("return document.body.innerText;");
      byte[] png = d.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
      Files.write(screenshot, png);
      return new Layout(scroll, client, text, screenshot);
    } finally {
      d.quit();
    }
  }

  private static ChromeDriver driver(Path profile, int width) throws Exception {
    Path browser = executable("/usr/bin/chromium", "/usr/bin/chromium-browser");
    Path driver = executable("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    Files.createDirectories(profile);
    ChromeOptions o = new ChromeOptions();
    o.setBinary(browser.toFile());
    o.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--window-size=" + width + ",900",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(driver.toString()))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, o);
  }

  static Report open(Path page, Path profile) throws Exception {
    Path browser = executable("/usr/bin/chromium", "/usr/bin/chromium-browser");
    Path driver = executable("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    Files.createDirectories(profile);
    ChromeOptions o = new ChromeOptions();
    o.setBinary(browser.toFile());
    // no network beyond package registries on this machine: keep Chromium from phoning home
    o.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile.toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(driver.toString()))
            .usingAnyFreePort()
            .build();
    ChromeDriver d = new ChromeDriver(service, o);
    try {
      d.get(page.toAbsolutePath().toUri().toString());
      JavascriptExecutor js = d;
      // wait for every image to finish (loaded or failed), at most 30 s
      long until = System.currentTimeMillis() + 30_000;
      while (!Boolean.TRUE.equals(
              js.executeScript("return Array.from(document.images).every(i => i.complete);"))
          && System.currentTimeMillis() < until) {
        Thread.sleep(100);
      }
      Map<String, Long> images = new LinkedHashMap<>();
      for (WebElement img : d.findElements(By.tagName("img"))) {
        Object w = js.executeScript("return arguments[0].naturalWidth;", img);
        images.put(img.getAttribute("src"), ((Number) w).longValue());
      }
      List<String> errors = new ArrayList<>();
      for (LogEntry e : d.manage().logs().get(LogType.BROWSER)) {
        if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
          errors.add(e.getMessage());
        }
      }
      return new Report(images, errors);
    } finally {
      d.quit();
    }
  }
}
