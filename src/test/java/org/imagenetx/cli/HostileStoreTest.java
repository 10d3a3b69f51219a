package org.imagenetx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.imagenetx.testing.CliRunner;
import org.imagenetx.testing.Fixtures;
import org.imagenetx.zoo.CraftedStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15, item 1: a shared store is untrusted input. Model names crafted as paths, empty or with
 * terminal control codes (checksums recomputed, as anyone can) are refused by every reader with one
 * line, and {@code zoo export} writes nothing, inside or outside {@code --out}.
 */
class HostileStoreTest {
  @TempDir Path tmp;

  /** A one-model store of the tiny fixture whose model name has {@code nameLength} characters. */
  private Path store(int nameLength) throws IOException {
    Path fx = Fixtures.tiny(tmp.resolve("fx"));
    Path one = tmp.resolve("one");
    Files.createDirectories(one);
    Files.copy(
        fx.resolve("zoo/synthetic_model_0000.csv"),
        one.resolve("m".repeat(Math.max(1, nameLength)) + ".csv"));
    Path store = tmp.resolve("s.zoo");
    CliRunner.Result r =
        CliRunner.run(
            "zoo",
            "build",
            "--annotations",
            fx.resolve("annotations").toString(),
            "--from",
            one.toString(),
            "--out",
            store.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    return store;
  }

  private CliRunner.Result export(Path store, Path out) {
    return CliRunner.run(
        "zoo",
        "export",
        "--annotations",
        tmp.resolve("fx/annotations").toString(),
        store.toString(),
        "--out",
        out.toString());
  }

  private static long files(Path root) throws IOException {
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ABS", "../../../../elsewhere/PWNED", "", ".hidden", "a/b", "a\\b"})
  void pathLikeNamesAreRefusedAndNothingIsWritten(String crafted) throws IOException {
    String name =
        crafted.equals("ABS")
            ? tmp.resolve("elsewhere/PWNED").toAbsolutePath().toString()
            : crafted;
    Path store = store(name.length());
    CraftedStores.renameFirstModel(store, name);
    Path out = tmp.resolve("deep/er/out");

    CliRunner.Result r = export(store, out);

    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.err().strip())
        .doesNotContain("\n")
        .contains(store.toString())
        .contains("model name");
    assertThat(files(tmp.resolve("elsewhere"))).isZero();
    assertThat(files(tmp.resolve("deep"))).isZero();
    assertThat(Files.exists(tmp.resolve("deep/er/.csv"))).isFalse();
    CliRunner.Result info = CliRunner.run("zoo", "info", store.toString());
    assertThat(info.exitCode()).isEqualTo(1);
  }

  @Test
  void controlCodesInANameNeverReachTheTerminal() throws IOException {
    String name = "evil\u001b[31mred\nline\u202eabc";
    Path store = store(name.length());
    CraftedStores.renameFirstModel(store, name);

    CliRunner.Result info = CliRunner.run("zoo", "info", "--list-models", store.toString());

    assertThat(info.exitCode()).isEqualTo(1);
    String err = info.err().strip();
    assertThat(err).doesNotContain("\n").doesNotContain("\u001b").doesNotContain("\u202e");
    assertThat(err).contains("evil\\x1b[31mred\\x0aline\\u202eabc");
  }

  @Test
  void aDirectoryShorterThanItsModelCountIsOneLineNotATrace() throws IOException {
    Path store = store(8);
    CraftedStores.setModelCount(store, 1000);

    CliRunner.Result info = CliRunner.run("zoo", "info", store.toString());

    assertThat(info.exitCode()).as(info.err()).isEqualTo(1);
    assertThat(info.err().strip())
        .doesNotContain("\n")
        .contains("cannot hold 1000 models")
        .doesNotContain("Exception");
  }

  @Test
  void aValidNameStillExports() throws IOException {
    Path store = store(12);
    Path out = tmp.resolve("out");

    CliRunner.Result r = export(store, out);

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(out.resolve("mmmmmmmmmmmm.csv")).exists();
    assertThat(Files.readAllLines(out.resolve("mmmmmmmmmmmm.csv"))).hasSize(2001);
  }
}
