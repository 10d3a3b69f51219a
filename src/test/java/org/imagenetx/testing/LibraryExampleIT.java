package org.imagenetx.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The library examples of docs/library.md and docs/images.md, as a Java user gets them: the Java
 * block of each document is compiled against the thin jar ({@code imagenetx-<version>.jar}, after
 * {@code package}) as a module that requires {@code org.imagenetx}, with the library's runtime
 * dependencies on the module path, and run in a fresh JVM on the real release; its output must be
 * the document's. A second snippet that imports an internal package must not compile: only the
 * exported packages are visible.
 */
class LibraryExampleIT {
  private static Path thinJar;
  private static String modulePath;

  @BeforeAll
  static void paths() throws IOException {
    thinJar = Path.of(System.getProperty("imagenetx.thinJar"));
    assertThat(thinJar).exists();
    String deps =
        Files.readString(Path.of(System.getProperty("imagenetx.runtimeClasspath"))).strip();
    modulePath = thinJar + File.pathSeparator + deps;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"docs/library.md", "docs/images.md"})
  void theDocumentedExampleCompilesAgainstTheThinJarAndPrintsItsOutput(
      String file, @TempDir Path dir) throws Exception {
    String doc = Files.readString(Path.of(file));
    String source = block(doc, "```java\n");
    String expected = block(doc, "Output:\n\n```\n");
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("example"));
    Files.writeString(
        src.resolve("module-info.java"), "module example { requires org.imagenetx; }");
    Files.writeString(src.resolve("example").resolve("Example.java"), source);
    Path classes = dir.resolve("classes");
    String errors = compile(src, classes);
    assertThat(errors).isEmpty();
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path",
                classes + File.pathSeparator + modulePath,
                "--module",
                "example/example.Example")
            .redirectErrorStream(true)
            .start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(printed).isZero();
    assertThat(printed).isEqualTo(expected);
  }

  @Test
  void internalPackagesAreNotVisible(@TempDir Path dir) throws IOException {
    Path src = dir.resolve("src");
    Files.createDirectories(src);
    Files.writeString(src.resolve("module-info.java"), "module peek { requires org.imagenetx; }");
    Files.writeString(
        src.resolve("Peek.java"),
        "public class Peek { long n = org.imagenetx.bits.Words.numWords(64); }");
    assertThat(compile(src, dir.resolve("classes")))
        .contains("package org.imagenetx.bits is not visible")
        .contains("does not export");
  }

  /** The text between {@code opening} and the next closing fence. */
  private static String block(String doc, String opening) {
    int from = doc.indexOf(opening);
    assertThat(from).as(opening).isNotNegative();
    from += opening.length();
    return doc.substring(from, doc.indexOf("```", from));
  }

  /** Compiles a module source tree; returns the compiler's messages ("" when it compiled). */
  private static String compile(Path src, Path classes) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--release",
                "17",
                "--class-path",
                src.toString(), // not the test JVM's class path, which holds the library's classes
                "--module-path",
                modulePath,
                "-d",
                classes.toString()));
    try (var files = Files.walk(src)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int rc = javac.run(null, messages, messages, args.toArray(new String[0]));
    String text = messages.toString(StandardCharsets.UTF_8);
    return rc == 0 ? text.strip() : "failed: " + text;
  }
}
