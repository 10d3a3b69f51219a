package org.imagenetx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.imagenetx.testing.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synth --annotations-out}: the synthetic dataset written as upstream annotation files, so
 * that tools reading files (the DuckDB and pandas baselines of {@code jmh/process}) see the same
 * dataset as {@code --synthetic --seed S}. The tables computed from the written files must equal
 * the tables of the generated dataset byte for byte.
 */
class SynthAnnotationsOutTest {
  @TempDir Path tmp;

  @Test
  void writtenAnnotationsGiveTheSameTablesAsTheGeneratedDataset() throws IOException {
    Path csv = tmp.resolve("zoo");
    Path ann = tmp.resolve("annotations");
    CliRunner.Result synth =
        CliRunner.run(
            "synth",
            "--models",
            "3",
            "--seed",
            "7",
            "--out",
            csv.toString(),
            "--annotations-out",
            ann.toString(),
            "--threads",
            "2");
    assertThat(synth.exitCode()).as(synth.err()).isZero();
    assertThat(synth.out()).contains("wrote the synthetic annotations (seed 7) to " + ann);
    assertThat(names(ann))
        .containsExactly(
            "filename_label.csv",
            "imagenet_1k_classes_to_100_metaclasses.csv",
            "imagenet_real_labels.jsonl",
            "imagenet_x_val_multi_factor.jsonl",
            "imagenet_x_val_top_factor.jsonl",
            "prototypical_paths.csv");

    Path fromFiles = tmp.resolve("from-files");
    Path generated = tmp.resolve("generated");
    CliRunner.Result a =
        CliRunner.run(
            "aggregate",
            "--annotations",
            ann.toString(),
            "--zoo",
            csv.toString(),
            "--factors",
            "multi,top",
            "--error-type",
            "class,metaclass,real_class",
            "--out",
            fromFiles.toString());
    assertThat(a.exitCode()).as(a.err()).isZero();
    CliRunner.Result b =
        CliRunner.run(
            "aggregate",
            "--synthetic",
            "--seed",
            "7",
            "--zoo",
            csv.toString(),
            "--factors",
            "multi,top",
            "--error-type",
            "class,metaclass,real_class",
            "--out",
            generated.toString());
    assertThat(b.exitCode()).as(b.err()).isZero();

    // 2 selections x 3 error types x (table, per metaclass); the synthetic run also leaves a
    // SYNTHETIC.txt marker, which is not a table
    List<Path> tables = files(generated);
    assertThat(tables).hasSize(12);
    assertThat(files(fromFiles)).isEqualTo(tables);
    for (Path rel : tables) {
      assertThat(Files.readString(fromFiles.resolve(rel)))
          .as("%s", rel)
          .isEqualTo(Files.readString(generated.resolve(rel)));
    }
  }

  @Test
  void withoutTheOptionNoAnnotationsAreWritten() throws IOException {
    Path csv = tmp.resolve("zoo");
    CliRunner.Result synth =
        CliRunner.run("synth", "--models", "1", "--seed", "7", "--out", csv.toString());
    assertThat(synth.exitCode()).as(synth.err()).isZero();
    assertThat(synth.out()).doesNotContain("annotations");
    assertThat(names(tmp)).containsExactly("zoo");
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".csv"))
          .map(root::relativize)
          .sorted()
          .collect(Collectors.toList());
    }
  }
}
