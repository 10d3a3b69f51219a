package org.imagenetx.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fat CLI jar as users run it ({@code java -jar target/imagenetx.jar}): the shade plugin
 * minimizes it to the classes the tool reaches, so every library that loads classes or resources by
 * name is exercised here — picocli, JLine (the shell), Jackson, JFreeChart and JFreeSVG (a figure),
 * the JDK HTTP server and the page's resources (serve), Hipparchus, Eclipse Collections and
 * fastutil (group comparisons, stores). Its size stays under the budget.
 */
class FatJarIT {
  private static final Path JAR = JarProcess.JAR;

  /** Every command in its own JVM: the minimized jar is what is tested (DaemonIT: the server). */
  private static JarProcess.Run java(String stdin, String... args)
      throws IOException, InterruptedException {
    return JarProcess.run(java.util.Map.of("IMAGENETX_DAEMON", "off"), stdin, args);
  }

  @Test
  void sizeBudget() throws IOException {
    // 16 MB with the embedded release; the jar without it stays well below
    assertThat(Files.size(JAR)).isLessThan(16L << 20);
  }

  /**
   * {@code target/imagenetx.jar} is the launcher: a few classes and the tool's jar stored inside,
   * unpacked into the cache directory on the first command this JVM runs, and into a temporary file
   * when the cache is off or cannot be made.
   */
  @Test
  void theLauncherUnpacksTheToolIntoTheCacheOrATemporaryFile(@TempDir Path dir) throws Exception {
    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(JAR.toFile())) {
      assertThat(jar.size()).isLessThan(40);
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("org.imagenetx.launch.Launcher");
      assertThat(jar.getEntry("META-INF/imagenetx/engine.jar").getMethod())
          .isEqualTo(java.util.zip.ZipEntry.STORED);
    }
    Path cache = dir.resolve("cache");
    Path notADirectory = dir.resolve("file");
    Files.writeString(notADirectory, "x");
    for (String c : new String[] {cache.toString(), "off", notADirectory.toString()}) {
      JarProcess.Run ratios =
          JarProcess.run(
              java.util.Map.of("IMAGENETX_DAEMON", "off", "IMAGENETX_CACHE", c), null, "ratios");
      assertThat(ratios.code()).as(c + ": " + ratios.out()).isZero();
      assertThat(ratios.out()).as(c).contains("ResNet50").doesNotContain("error");
    }
    try (var copies = Files.list(cache.resolve("engine"))) {
      assertThat(copies.map(p -> p.getFileName().toString()))
          .singleElement()
          .asString()
          .endsWith(".jar");
    }
  }

  @Test
  void commandsRunFromTheMinimizedJar(@TempDir Path dir) throws Exception {
    assertThat(java(null, "--version").out()).startsWith("imagenetx ");
    JarProcess.Run ratios =
        java(null, "ratios", "--synthetic", "--ci", "--resamples", "50", "--format", "csv");
    assertThat(ratios.code()).as(ratios.out()).isZero();
    assertThat(ratios.out()).contains("pose_lower");
    JarProcess.Run shell = java("rank --by smaller --top 2\nquit\n", "shell", "--synthetic");
    assertThat(shell.code()).as(shell.out()).isZero();
    assertThat(shell.out()).contains("error_ratio_lower");
    Path groups = dir.resolve("groups.csv");
    Files.writeString(
        groups,
        "model,group\nsynthetic_model_0001,a\nsynthetic_model_0002,a\n"
            + "synthetic_model_0003,b\nsynthetic_model_0004,b\n");
    JarProcess.Run compare = java(null, "compare", "--synthetic", "--groups", groups.toString());
    assertThat(compare.code()).as(compare.out()).isZero();
    assertThat(compare.out()).contains("mean_er_lower");
    JarProcess.Run figure =
        java(
            null,
            "figures",
            "factor-distribution",
            "--annotations",
            RealData.annotations().toString(),
            "--out",
            dir.resolve("fig").toString());
    assertThat(figure.code()).as(figure.out()).isZero();
    assertThat(dir.resolve("fig/factor-distribution.png")).isNotEmptyFile();
    assertThat(Files.readString(dir.resolve("fig/factor-distribution.svg"))).contains("<svg");
    Path store = dir.resolve("s.zoo");
    assertThat(java(null, "synth", "--models", "3", "--out", store.toString()).code()).isZero();
    assertThat(java(null, "zoo", "info", store.toString(), "--verify").out())
        .contains("all blocks verified");
  }

  @Test
  void serveAnswersFromTheMinimizedJar() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "serve",
                "--synthetic",
                "--port",
                "0")
            .redirectErrorStream(true)
            .start();
    try {
      var reader =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String url = null;
      for (String line; url == null && (line = reader.readLine()) != null; ) {
        int at = line.indexOf("explorer at ");
        if (at >= 0) {
          url = line.substring(at + 12, line.indexOf(' ', at + 12));
        }
      }
      assertThat(url).isNotNull();
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> info =
          client.send(
              HttpRequest.newBuilder(URI.create(url + "api/info")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(info.statusCode()).isEqualTo(200);
      assertThat(info.body()).contains("\"error_types\"");
      HttpResponse<String> page =
          client.send(
              HttpRequest.newBuilder(URI.create(url + "app.js")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.body()).contains("imagenetx explorer");
    } finally {
      p.destroy();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
