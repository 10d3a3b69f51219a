package org.imagenetx.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import org.imagenetx.annotations.Factor;
import org.imagenetx.compare.PairwiseData;
import org.imagenetx.compare.SliceComparison;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.query.Metric;
import org.imagenetx.query.Query;
import org.imagenetx.query.QueryEngine;
import org.imagenetx.query.RealSessions;
import org.imagenetx.query.Results;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the explorer in headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * installed by {@code .ci/run}): sort the heatmap by a factor, open a model, compare two; the
 * numbers on the page must be the engine's and the console must stay free of errors. Fails, never
 * skips, when Chromium is missing. With {@code -Dexplorer.screenshot=<png>} it also saves a
 * screenshot of the model page (the README's {@code docs/explorer.png}).
 */
class ExplorerBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path profile;

  private static ExplorerServer server;
  private static QueryEngine engine;
  private static ChromeDriver driver;

  @BeforeAll
  static void start() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail(
          "headless browser test needs "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + ": apt-get install -y chromium chromium-driver (.ci/run does this)");
    }
    engine = RealSessions.top();
    server =
        ExplorerServer.start(engine, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1100",
        "--user-data-dir=" + profile.toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private static void open(String hash) {
    driver.get(server.url() + hash);
    waitReady(hash);
  }

  private static void waitReady(String hash) {
    await(20).until(d -> hash.equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
  }

  /** The page's rendering of a number: JavaScript's toFixed(4) on the exact double. */
  private static String fixed4(double v) {
    return new BigDecimal(v).setScale(4, RoundingMode.HALF_UP).toPlainString();
  }

  private static void assertNumber(WebElement td, double expected, String what) {
    assertThat(Double.parseDouble(td.getAttribute("data-value"))).as(what).isEqualTo(expected);
    // a small cell carries its n beside the value
    String n = td.getAttribute("data-n");
    assertThat(td.getText()).as(what).isEqualTo(fixed4(expected) + (n == null ? "" : " n=" + n));
  }

  /**
   * Elements whose box leaves the viewport horizontally (content of a scrolling panel excepted).
   */
  private static final String OVERFLOW =
      "const W = document.documentElement.clientWidth; const bad = [];"
          + "for (const el of document.body.querySelectorAll('*')) {"
          + "  const panel = el.parentElement && el.parentElement.closest('.scroll');"
          + "  if (panel) continue;"
          + "  const r = el.getBoundingClientRect();"
          + "  if (r.width === 0 && r.height === 0) continue;"
          + "  if (r.right > W + 0.5 || r.left < -0.5) bad.push(el.tagName + (el.id ? '#' + el.id : '')"
          + "    + '.' + el.getAttribute('class') + ' ' + Math.round(r.left) + '..' + Math.round(r.right) + ' > ' + W);"
          + "}"
          + "if (document.documentElement.scrollWidth > W) bad.push('page scrolls: ' + document.documentElement.scrollWidth);"
          + "return bad;";

  /** Every view of the page: heatmap, model, compare, groups, images. */
  private static final List<String> VIEWS =
      List.of(
          "#/",
          "#/model/ViT",
          "#/compare/ViT/ResNet50",
          "#/groups",
          "#/images/"
              + java.net.URLEncoder.encode(
                      "texture and wrong:ViT and right:ResNet50",
                      java.nio.charset.StandardCharsets.UTF_8)
                  .replace("+", "%20")
              + "/0/");

  @Test
  void everyViewFitsAt1400And800Pixels() throws IOException {
    try {
      for (int width : new int[] {1400, 800}) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 1000));
        for (String hash : VIEWS) {
          open(hash);
          @SuppressWarnings("unchecked")
          List<String> bad = (List<String>) driver.executeScript(OVERFLOW);
          assertThat(bad).as("%s at %d px", hash, width).isEmpty();
          Path shot =
              Path.of(
                  "target",
                  "explorer-screens",
                  width + hash.replaceAll("[^A-Za-z0-9]+", "_") + ".png");
          Files.createDirectories(shot.getParent());
          Files.copy(
              driver.getScreenshotAs(OutputType.FILE).toPath(),
              shot,
              StandardCopyOption.REPLACE_EXISTING);
        }
        // the heatmap scrolls inside its panel, its model column stays in view
        open("#/");
        WebElement first = driver.findElement(By.cssSelector("#heatmap tbody td.name"));
        assertThat(first.getCssValue("position")).isEqualTo("sticky");
        if (width == 800) {
          Number over =
              (Number)
                  driver.executeScript(
                      "const p = document.getElementById('heatmap').parentElement;"
                          + " return p.scrollWidth - p.clientWidth;");
          assertThat(over.intValue()).as("heatmap wider than its panel at 800 px").isPositive();
        }
        // value labels of the bar chart stay clear of the ER = 1 line
        open("#/model/ViT");
        @SuppressWarnings("unchecked")
        List<String> crossing =
            (List<String>)
                driver.executeScript(
                    "const svg = document.querySelector('svg.chart');"
                        + " const x = Number(svg.querySelector('line').getAttribute('x1')); const out = [];"
                        + " for (const t of svg.querySelectorAll('text.bar-label, text.ref-label')) {"
                        + "   const b = t.getBBox(); if (t.classList.contains('bar-label') && b.x < x && b.x + b.width > x) out.push(t.textContent); }"
                        + " return out;");
        assertThat(crossing).isEmpty();
        // small cells keep their n and grey at both widths: the metaclass table scrolls, it is
        // not squeezed (a mark wrapped below its value, or cut off, would fail here)
        List<WebElement> small =
            driver.findElements(By.cssSelector("#metaclasses td.small span.n"));
        assertThat(small).as("small-cell marks at %d px", width).isNotEmpty();
        @SuppressWarnings("unchecked")
        List<String> wrapped =
            (List<String>)
                driver.executeScript(
                    "const out = []; for (const td of document.querySelectorAll('#metaclasses"
                        + " td.small')) { const r = td.getClientRects(); const s ="
                        + " td.querySelector('span.n').getClientRects(); if (s.length !== 1 ||"
                        + " s[0].bottom > r[0].bottom + 0.5) out.push(td.textContent); } return out;");
        assertThat(wrapped).as("small-cell marks outside their cell at %d px", width).isEmpty();
      }
    } finally {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1100));
    }
    assertNoConsoleErrors();
  }

  /**
   * Every view, as the browser has rendered it (the DOM the scripts built, not only the static
   * page), passes the Nu HTML checker with no error and no warning.
   */
  @Test
  void everyRenderedViewIsValidHtml() throws Exception {
    List<String> problems = new ArrayList<>();
    for (String hash : VIEWS) {
      open(hash);
      String dom =
          (String)
              driver.executeScript(
                  "return '<!DOCTYPE html>\\n' + document.documentElement.outerHTML;");
      problems.addAll(org.imagenetx.testing.HtmlChecker.check(dom, "explorer" + hash));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void smallCellsShowTheirNAndWhereItFailsLinksToTheImages() {
    open("#/model/ViT");
    Results.CellCounts cells = engine.cellCounts("ViT", ErrorType.CLASS);
    int expectedSmall = 0;
    for (int m = 0; m < cells.metaclassImages().length; m++) {
      for (int c = 0; c <= Factor.COUNT; c++) {
        if (org.imagenetx.evaluation.SmallCells.isSmall(
            cells.metaclassImages()[m][c], cells.metaclassErrors()[m][c])) {
          expectedSmall++;
        }
      }
    }
    List<WebElement> small = driver.findElements(By.cssSelector("#metaclasses td.small"));
    assertThat(small).hasSize(expectedSmall);
    assertThat(expectedSmall).isPositive();
    // greyed, with the one-line legend; the factor table takes show's own n and small flag
    assertThat(small.get(0).getCssValue("color"))
        .isIn("rgba(136, 136, 136, 1)", "rgb(136, 136, 136)");
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("n = images of a cell, shown beside cells with fewer than 30 images or 5 errors");
    Results.ModelReport shown = engine.show("ViT", ErrorType.CLASS);
    int smallFactors = 0;
    for (Results.FactorLine l : shown.factors()) {
      smallFactors += l.small() ? 2 : 0; // accuracy and error ratio cells
    }
    assertThat(driver.findElements(By.cssSelector("#factors td.small"))).hasSize(smallFactors);
    WebElement dogTexture =
        driver.findElement(
            By.cssSelector("#metaclasses tr[data-metaclass='dog'] td[data-col='texture']"));
    int dog = org.imagenetx.annotations.Metaclasses.NAMES.indexOf("dog");
    int n = cells.metaclassImages()[dog][1 + Factor.TEXTURE.ordinal()];
    if (org.imagenetx.evaluation.SmallCells.isSmall(
        n, cells.metaclassErrors()[dog][1 + Factor.TEXTURE.ordinal()])) {
      assertThat(dogTexture.getText()).endsWith(" n=" + n);
    } else {
      assertThat(dogTexture.getText()).doesNotContain("n=");
    }
    // where it fails: the weakest factor's confusions, each linking to its images
    await(20).until(d -> !d.findElements(By.cssSelector("#fails-confusions tbody tr")).isEmpty());
    Results.ModelReport report = engine.show("ViT", ErrorType.CLASS);
    String factor = report.weakest().get(0);
    var conf = engine.confusions(new Query.Confusions(factor, "ViT", ErrorType.CLASS, false, 8));
    List<WebElement> rows = driver.findElements(By.cssSelector("#fails-confusions tbody tr"));
    assertThat(rows).hasSize(Math.min(8, conf.table().rows().size()));
    var top = conf.table().rows().get(0);
    assertThat(rows.get(0).getAttribute("data-true")).isEqualTo(String.valueOf(top.trueId()));
    assertThat(rows.get(0).findElement(By.cssSelector("td[data-col='count']")).getText())
        .isEqualTo(String.valueOf(top.count()));
    assertThat(driver.findElements(By.cssSelector("#fails-words tbody tr"))).isNotEmpty();
    rows.get(0).findElement(By.cssSelector("td.name a")).click();
    String expr = factor + " and wrong:ViT and class:" + top.trueId();
    await(20).until(d -> !d.findElements(By.id("images-summary")).isEmpty());
    int count = engine.imageSets(ErrorType.CLASS).count(expr);
    assertThat(driver.findElement(By.id("images-summary")).getText())
        .startsWith(count + " of 46110 images");
    assertThat(driver.findElements(By.cssSelector("#images-table tbody tr"))).hasSize(count);
    assertNoConsoleErrors();
  }

  @Test
  void imagesViewListsPagesAndShowsTheTexts() {
    open("#/images");
    String expr = "pose and wrong:ViT";
    driver.findElement(By.id("images-expr")).sendKeys(expr);
    driver.findElement(By.id("images-go")).click();
    waitReady("#/images/" + "pose%20and%20wrong%3AViT" + "/0/");
    var sets = engine.imageSets(ErrorType.CLASS);
    var set = sets.evaluate(expr);
    assertThat(driver.findElement(By.id("images-summary")).getText())
        .isEqualTo(
            set.count()
                + " of 46110 images (top factors, class errors): pose and wrong:ViT; rows 1-50");
    var first = sets.list(set, List.of("ViT"), 0, 50).rows();
    List<WebElement> rows = driver.findElements(By.cssSelector("#images-table tbody tr"));
    assertThat(rows).hasSize(50);
    for (int i = 0; i < rows.size(); i++) {
      var r = first.get(i);
      assertThat(rows.get(i).getAttribute("data-file")).isEqualTo(r.fileName());
      assertThat(
              rows.get(i).findElement(By.cssSelector("td[data-col='ViT']")).getAttribute("class"))
          .contains("wrong");
      // the annotator's text exactly as written (textContent: getText would fold whitespace)
      assertThat(
              rows.get(i)
                  .findElement(By.cssSelector("td[data-col='justification']"))
                  .getDomProperty("textContent"))
          .isEqualTo(r.justification() == null ? "" : r.justification());
    }
    driver.findElement(By.id("images-next")).click();
    waitReady("#/images/" + "pose%20and%20wrong%3AViT" + "/50/");
    assertThat(
            driver.findElement(By.cssSelector("#images-table tbody tr")).getAttribute("data-file"))
        .isEqualTo(sets.list(set, List.of("ViT"), 50, 1).rows().get(0).fileName());
    assertThat(driver.findElements(By.id("images-prev"))).hasSize(1);
    // a bad expression: one line with the column
    open("#/images/" + "pose%20and%20textur" + "/0/");
    assertThat(driver.findElement(By.id("error")).getText())
        .isEqualTo("at 10: unknown factor 'textur' (did you mean texture?)");
    // that request's 400 is logged by Chromium as a failed resource load; nothing else may be
    List<String> errors = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()
          && !e.getMessage().contains("/api/images?")) {
        errors.add(e.getLevel() + " " + e.getMessage());
      }
    }
    assertThat(errors).as("browser console").isEmpty();
  }

  private static void assertNoConsoleErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        errors.add(e.getLevel() + " " + e.getMessage());
      }
    }
    assertThat(errors).as("browser console").isEmpty();
  }

  @Test
  void sortOpenCompareShowTheEnginesNumbers() throws IOException {
    open("#/");
    assertThat(driver.findElement(By.id("info")).getText()).contains("4 models");
    // sort by smaller: ascending error ratio, as rank --by smaller
    driver.findElement(By.cssSelector("th[data-col='smaller']")).click();
    await(10)
        .until(
            d ->
                d.findElement(By.cssSelector("th[data-col='smaller']"))
                    .getAttribute("class")
                    .contains("sorted"));
    Results.Ranking rank =
        engine.rank(new Query.Rank("smaller", Metric.ERROR_RATIO, ErrorType.CLASS, null, 0));
    List<WebElement> rows = driver.findElements(By.cssSelector("#heatmap tbody tr"));
    assertThat(rows).hasSize(rank.rows().size());
    for (int i = 0; i < rows.size(); i++) {
      Results.RankRow expected = rank.rows().get(i);
      assertThat(rows.get(i).getAttribute("data-model")).isEqualTo(expected.model());
      assertNumber(
          rows.get(i).findElement(By.cssSelector("td[data-col='smaller']")),
          expected.value().point(),
          expected.model());
      assertNumber(
          rows.get(i).findElement(By.cssSelector("td[data-col='average']")),
          expected.average(),
          expected.model());
    }
    // clicking again sorts descending
    driver.findElement(By.cssSelector("th[data-col='smaller']")).click();
    await(10)
        .until(
            d ->
                rank.rows()
                    .get(rank.rows().size() - 1)
                    .model()
                    .equals(
                        d.findElement(By.cssSelector("#heatmap tbody tr"))
                            .getAttribute("data-model")));

    // open a model from the heatmap
    String model = rank.rows().get(0).model();
    driver.findElement(By.cssSelector("#heatmap tr[data-model='" + model + "'] td.name a")).click();
    waitReady("#/model/" + model);
    assertThat(driver.findElement(By.id("model-name")).getText()).isEqualTo(model);
    Results.ModelReport report = engine.show(model, ErrorType.CLASS);
    assertNumber(driver.findElement(By.id("average")), report.average().point(), "average");
    for (Factor f : Factor.values()) {
      WebElement tr =
          driver.findElement(By.cssSelector("#factors tr[data-factor='" + f.column() + "']"));
      Results.FactorLine l = report.factors().get(f.ordinal());
      assertNumber(
          tr.findElement(By.cssSelector("td[data-col='accuracy']")),
          l.accuracy().point(),
          f.column());
      assertNumber(
          tr.findElement(By.cssSelector("td[data-col='error_ratio']")),
          l.errorRatio().point(),
          f.column());
      assertThat(tr.findElement(By.cssSelector("td[data-col='rank']")).getText())
          .isEqualTo(l.rank() + "/4");
    }
    assertThat(driver.findElements(By.cssSelector("svg.chart rect")))
        .hasSizeGreaterThanOrEqualTo(Factor.COUNT);
    assertThat(driver.findElements(By.cssSelector("#metaclasses tbody tr"))).hasSize(17);
    String screenshot = System.getProperty("explorer.screenshot");
    if (screenshot != null && !screenshot.isEmpty()) {
      Path target = Path.of(screenshot);
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          target,
          StandardCopyOption.REPLACE_EXISTING);
    }

    // compare two models through the form
    open("#/compare");
    driver.findElement(By.id("model-a")).sendKeys("ViT");
    driver.findElement(By.id("model-b")).sendKeys("ResNet50");
    driver.findElement(By.id("compare-go")).click();
    waitReady("#/compare/ViT/ResNet50");
    Results.Comparison c = engine.compare("ViT", "ResNet50", ErrorType.CLASS);
    List<WebElement> crow = driver.findElements(By.cssSelector("#comparison tbody tr"));
    assertThat(crow).hasSize(PairwiseData.NUM_SLICES);
    for (int i = 0; i < crow.size(); i++) {
      SliceComparison l = c.rows().get(i);
      WebElement tr = crow.get(i);
      assertThat(tr.getAttribute("data-slice")).isEqualTo(l.slice());
      assertNumber(tr.findElement(By.cssSelector("td[data-col='error_a']")), l.errorA(), l.slice());
      assertNumber(tr.findElement(By.cssSelector("td[data-col='error_b']")), l.errorB(), l.slice());
      assertNumber(
          tr.findElement(By.cssSelector("td[data-col='error_diff']")),
          l.errorDiff().point(),
          l.slice());
      assertNumber(tr.findElement(By.cssSelector("td[data-col='p_exact']")), l.pExact(), l.slice());
      assertNumber(tr.findElement(By.cssSelector("td[data-col='p_holm']")), l.pHolm(), l.slice());
      assertThat(tr.findElement(By.cssSelector("td[data-col='only_a_wrong']")).getText())
          .isEqualTo(String.valueOf(l.onlyAWrong()));
      assertThat(tr.findElement(By.cssSelector("td[data-col='only_b_wrong']")).getText())
          .isEqualTo(String.valueOf(l.onlyBWrong()));
      assertThat(tr.findElement(By.cssSelector("td[data-col='verdict']")).getText())
          .isEqualTo(l.verdict());
      if (i < Factor.COUNT) {
        assertThat(tr.findElement(By.cssSelector("td[data-col='er_diff_interval']")).getText())
            .isEqualTo(
                String.format(Locale.ROOT, "[%.4f, %.4f]", l.erDiff().lower(), l.erDiff().upper()));
      }
    }

    // group view and an error message from the API, shown on the page
    open("#/groups");
    assertThat(driver.findElements(By.cssSelector("#groups tbody tr"))).hasSize(2);
    assertNoConsoleErrors();
    open("#/model/no-such-model");
    assertThat(driver.findElement(By.id("error")).getText())
        .isEqualTo("unknown model 'no-such-model'");
    // the 404 of that one API call is logged by Chromium as a failed resource load; nothing else
    // may be
    List<String> errors = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()
          && !e.getMessage().contains("/api/show?")) {
        errors.add(e.getLevel() + " " + e.getMessage());
      }
    }
    assertThat(errors).as("browser console").isEmpty();
  }

  @Test
  void errorTypeSelectorReloadsTheHeatmap() {
    open("#/");
    driver.findElement(By.cssSelector("#etype option[value='real_class']")).click();
    await(10).until(d -> d.findElement(By.tagName("h2")).getText().contains("real_class"));
    Results.Matrix m = engine.matrix(ErrorType.REAL_CLASS);
    WebElement td =
        driver.findElement(By.cssSelector("#heatmap tr[data-model='DINO'] td[data-col='texture']"));
    assertNumber(
        td, m.errorRatio()[m.models().indexOf("DINO")][Factor.TEXTURE.ordinal()], "DINO texture");
    assertNoConsoleErrors();
  }

  /**
   * A wait that reads again an element that went stale: the page re-renders, and an element found
   * just before a render is gone after it.
   */
  private static WebDriverWait await(int seconds) {
    return (WebDriverWait)
        new WebDriverWait(driver, Duration.ofSeconds(seconds))
            .ignoring(StaleElementReferenceException.class);
  }
}
