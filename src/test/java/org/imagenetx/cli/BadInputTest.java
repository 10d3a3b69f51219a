package org.imagenetx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.imagenetx.testing.CliRunner;
import org.imagenetx.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC section 6: every kind of bad input gets exit 1, exactly one line on stderr naming the file,
 * the line and the problem, no stack trace, and no output file.
 */
class BadInputTest {
  @TempDir Path tmp;
  Path ann;
  Path zoo;
  Path model;

  @BeforeEach
  void fixture() {
    Path dir = Fixtures.tiny(tmp.resolve("fx"));
    ann = dir.resolve("annotations");
    zoo = dir.resolve("zoo");
    model = zoo.resolve("synthetic_model_0001.csv");
  }

  record Case(String name, Consumer<BadInputTest> breakIt, String file, int line, String problem) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
            new Case(
                "malformed row",
                t -> Fixtures.replaceLine(t.model, 5, "ILSVRC2012_val_00000004.JPEG;12"),
                "synthetic_model_0001.csv",
                5,
                "malformed row"),
            new Case(
                "unknown file name",
                t -> Fixtures.replaceLine(t.model, 7, "ILSVRC2012_val_99999999.JPEG,3,0.5"),
                "synthetic_model_0001.csv",
                7,
                "unknown file name"),
            new Case(
                "not an image name",
                t -> Fixtures.replaceLine(t.model, 7, "cat.jpg,3,0.5"),
                "synthetic_model_0001.csv",
                7,
                "unknown file name 'cat.jpg'"),
            new Case(
                "duplicate image",
                t -> Fixtures.replaceLine(t.model, 9, Fixtures.line(t.model, 8)),
                "synthetic_model_0001.csv",
                9,
                "duplicate image"),
            new Case(
                "class id 1000",
                t -> Fixtures.replaceLine(t.model, 3, "ILSVRC2012_val_00000002.JPEG,1000,0.5"),
                "synthetic_model_0001.csv",
                3,
                "class id 1000 outside 0..999"),
            new Case(
                "negative class id",
                t -> Fixtures.replaceLine(t.model, 3, "ILSVRC2012_val_00000002.JPEG,-1,0.5"),
                "synthetic_model_0001.csv",
                3,
                "class id -1 outside"),
            new Case(
                "class not a number",
                t -> Fixtures.replaceLine(t.model, 3, "ILSVRC2012_val_00000002.JPEG,dog,0.5"),
                "synthetic_model_0001.csv",
                3,
                "not an integer"),
            new Case(
                "probability above 1",
                t -> Fixtures.replaceLine(t.model, 4, "ILSVRC2012_val_00000003.JPEG,3,1.5"),
                "synthetic_model_0001.csv",
                4,
                "probability 1.5 outside [0,1]"),
            new Case(
                "probability negative",
                t -> Fixtures.replaceLine(t.model, 4, "ILSVRC2012_val_00000003.JPEG,3,-0.1"),
                "synthetic_model_0001.csv",
                4,
                "outside [0,1]"),
            new Case(
                "probability not a number",
                t -> Fixtures.replaceLine(t.model, 4, "ILSVRC2012_val_00000003.JPEG,3,high"),
                "synthetic_model_0001.csv",
                4,
                "not a number"),
            new Case(
                "bad header",
                t -> Fixtures.replaceLine(t.model, 1, "image,pred"),
                "synthetic_model_0001.csv",
                1,
                "expected header"),
            new Case(
                "empty model file",
                t -> write(t.model, ""),
                "synthetic_model_0001.csv",
                0,
                "empty file"),
            new Case(
                "header only",
                t -> write(t.model, "file_name,predicted_class,predicted_probability\n"),
                "synthetic_model_0001.csv",
                0,
                "no prediction rows"),
            new Case(
                "extra file in zoo",
                t -> write(t.zoo.resolve("notes.txt"), "hello"),
                "notes.txt",
                0,
                "unexpected file in a zoo folder"),
            new Case(
                "annotation malformed json",
                t ->
                    Fixtures.replaceLine(
                        t.ann.resolve("imagenet_x_val_top_factor.jsonl"),
                        3,
                        "{\"file_name\": \"x\","),
                "imagenet_x_val_top_factor.jsonl",
                3,
                "malformed JSON"),
            new Case(
                "annotation class out of range",
                t ->
                    Fixtures.replaceLine(
                        t.ann.resolve("imagenet_x_val_multi_factor.jsonl"),
                        2,
                        Fixtures.line(t.ann.resolve("imagenet_x_val_multi_factor.jsonl"), 2)
                            .replaceFirst("\"class\":\\d+", "\"class\":1234")),
                "imagenet_x_val_multi_factor.jsonl",
                2,
                "class id 1234 outside 0..999"),
            new Case(
                "annotation factor not 0/1",
                t ->
                    Fixtures.replaceLine(
                        t.ann.resolve("imagenet_x_val_multi_factor.jsonl"),
                        4,
                        Fixtures.line(t.ann.resolve("imagenet_x_val_multi_factor.jsonl"), 4)
                            .replaceFirst("\"pose\":\\d", "\"pose\":2")),
                "imagenet_x_val_multi_factor.jsonl",
                4,
                "factor pose must be 0 or 1"),
            new Case(
                "annotation missing factor",
                t ->
                    Fixtures.replaceLine(
                        t.ann.resolve("imagenet_x_val_multi_factor.jsonl"),
                        4,
                        Fixtures.line(t.ann.resolve("imagenet_x_val_multi_factor.jsonl"), 4)
                            .replaceFirst(",\"texture\":\\d", "")),
                "imagenet_x_val_multi_factor.jsonl",
                4,
                "missing factor texture"),
            new Case(
                "annotation duplicate image",
                t ->
                    Fixtures.replaceLine(
                        t.ann.resolve("imagenet_x_val_top_factor.jsonl"),
                        6,
                        Fixtures.line(t.ann.resolve("imagenet_x_val_top_factor.jsonl"), 5)),
                "imagenet_x_val_top_factor.jsonl",
                6,
                "duplicate image"),
            new Case(
                "label file bad class",
                t ->
                    Fixtures.replaceLine(
                        t.ann.resolve("filename_label.csv"),
                        10,
                        "ILSVRC2012_val_00000009.JPEG,5000"),
                "filename_label.csv",
                10,
                "class id 5000 outside 0..999"),
            new Case(
                "ReaL labels malformed",
                t -> write(t.ann.resolve("imagenet_real_labels.jsonl"), "[[1, 2], [3,"),
                "imagenet_real_labels.jsonl",
                1,
                "malformed JSON"),
            new Case(
                "annotation class beyond the int range",
                t ->
                    Fixtures.replaceLine(
                        t.ann.resolve("imagenet_x_val_multi_factor.jsonl"),
                        2,
                        Fixtures.line(t.ann.resolve("imagenet_x_val_multi_factor.jsonl"), 2)
                            .replaceFirst("\"class\":\\d+", "\"class\":99999999999999999999999")),
                "imagenet_x_val_multi_factor.jsonl",
                2,
                "class id 99999999999999999999999 outside 0..999"),
            new Case(
                "annotation factor beyond the int range",
                t ->
                    Fixtures.replaceLine(
                        t.ann.resolve("imagenet_x_val_top_factor.jsonl"),
                        3,
                        Fixtures.line(t.ann.resolve("imagenet_x_val_top_factor.jsonl"), 3)
                            .replaceFirst("\"pose\":\\d", "\"pose\":-99999999999999999999")),
                "imagenet_x_val_top_factor.jsonl",
                3,
                "factor pose must be 0 or 1, got -99999999999999999999"),
            new Case(
                "annotation number of 2,000 digits",
                t ->
                    Fixtures.replaceLine(
                        t.ann.resolve("imagenet_x_val_multi_factor.jsonl"),
                        2,
                        Fixtures.line(t.ann.resolve("imagenet_x_val_multi_factor.jsonl"), 2)
                            .replaceFirst("\"class\":\\d+", "\"class\":" + "9".repeat(2000))),
                "imagenet_x_val_multi_factor.jsonl",
                2,
                "malformed JSON: Number value length (2000) exceeds"),
            new Case(
                "ReaL label beyond the int range",
                t ->
                    write(
                        t.ann.resolve("imagenet_real_labels.jsonl"),
                        "[[99999999999999999999999, 2], [3]]"),
                "imagenet_real_labels.jsonl",
                1,
                "ReaL label 99999999999999999999999 outside 0..999 (element 0)"),
            new Case(
                "annotation field given twice",
                t ->
                    Fixtures.replaceLine(
                        t.ann.resolve("imagenet_x_val_top_factor.jsonl"),
                        4,
                        Fixtures.line(t.ann.resolve("imagenet_x_val_top_factor.jsonl"), 4)
                            .replaceFirst("\"pose\":(\\d)", "\"pose\":$1,\"pose\":$1")),
                "imagenet_x_val_top_factor.jsonl",
                4,
                "field pose given twice"),
            new Case(
                "ReaL labels followed by more content",
                t -> {
                  try {
                    Files.writeString(
                        t.ann.resolve("imagenet_real_labels.jsonl"),
                        "[]",
                        java.nio.file.StandardOpenOption.APPEND);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                },
                "imagenet_real_labels.jsonl",
                1,
                "content after the array of label lists"),
            new Case(
                "metaclass table missing",
                t -> delete(t.ann.resolve("imagenet_1k_classes_to_100_metaclasses.csv")),
                "imagenet_1k_classes_to_100_metaclasses.csv",
                0,
                "missing"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void oneLineErrorNoOutput(Case c) {
    c.breakIt().accept(this);
    Path out = tmp.resolve("out");
    CliRunner.Result r =
        CliRunner.aggregateAll(
            "--annotations", ann.toString(), "--zoo", zoo.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).startsWith("imagenetx: error: ");
    assertThat(r.err().strip())
        .doesNotContain("\n")
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        // Jackson's getMessage() appends "\n at [Source: ...]", escaped to \x0a on the one line
        .doesNotContain("[Source")
        .doesNotContain("\\x0a");
    String where = c.line() > 0 ? c.file() + ":" + c.line() + ": " : c.file() + ": ";
    assertThat(r.err()).contains(where).contains(c.problem());
    assertThat(out).doesNotExist();
  }

  @Test
  void secondZooBrokenLeavesNoOutputOfTheFirst() throws IOException {
    Path second = tmp.resolve("second");
    Files.createDirectories(second);
    Files.copy(model, second.resolve("m.csv"));
    Fixtures.replaceLine(second.resolve("m.csv"), 2, "garbage");
    Path out = tmp.resolve("out");
    CliRunner.Result r =
        CliRunner.aggregateAll(
            "--annotations",
            ann.toString(),
            "--zoo",
            zoo.toString(),
            "--zoo",
            second.toString(),
            "--out",
            out.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("m.csv:2: malformed row");
    assertThat(out).doesNotExist();
  }

  @Test
  void missingZooEmptyZooAndMissingAnnotations() throws IOException {
    CliRunner.Result r =
        CliRunner.run(
            "ratios", "--annotations", ann.toString(), "--zoo", tmp.resolve("nope").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("nope: no such zoo");
    Files.createDirectories(tmp.resolve("empty"));
    r =
        CliRunner.run(
            "ratios", "--annotations", ann.toString(), "--zoo", tmp.resolve("empty").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("empty zoo");
    r =
        CliRunner.run(
            "ratios", "--annotations", tmp.resolve("missing").toString(), "--zoo", zoo.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("no such file or folder").contains("pip download imagenet-x");
  }

  @Test
  void missingPredictionsAreAWarningNotASilentChange() throws IOException {
    // drop 10 rows: the model's tables use the images it predicted, and stderr says so
    var lines = new ArrayList<>(Files.readAllLines(model));
    lines.subList(1, 11).clear();
    Files.write(model, lines);
    CliRunner.Result r =
        CliRunner.run(
            "ratios", "--annotations", ann.toString(), "--zoo", zoo.toString(), "--format", "csv");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).contains("warning").contains("synthetic_model_0001").contains("inner join");
  }

  private static void write(Path p, String s) {
    try {
      Files.writeString(p, s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
