package org.imagenetx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.imagenetx.testing.CliRunner;
import org.imagenetx.testing.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code zoo} and {@code synth} commands end to end, on the real base models and a synthetic
 * zoo.
 */
class ZooCommandTest {
  @TempDir Path tmp;

  static CliRunner.Result run(String... args) {
    return CliRunner.run(args);
  }

  /**
   * @return every file under {@code root}, relative path → bytes, for tree comparisons
   */
  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        m.put(root.relativize(p).toString(), Files.readString(p));
      }
    }
    return m;
  }

  @Test
  void buildInfoAddExportAndAggregateOnTheRealBaseModels() throws IOException {
    String ann = RealData.annotations().toString();
    Path base = RealData.baseZoo();
    Path twoModels = tmp.resolve("two");
    Files.createDirectories(twoModels);
    Files.copy(base.resolve("DINO.csv"), twoModels.resolve("DINO.csv"));
    Files.copy(base.resolve("ViT.csv"), twoModels.resolve("ViT.csv"));
    Path store = tmp.resolve("base.zoo");

    CliRunner.Result build =
        run(
            "zoo",
            "build",
            "--annotations",
            ann,
            "--from",
            twoModels.toString(),
            "--out",
            store.toString());
    assertThat(build.exitCode()).as(build.err()).isEqualTo(0);
    assertThat(build.out()).contains("2 models x 50000 images with probabilities");
    assertThat(build.err()).isEmpty();

    CliRunner.Result add =
        run(
            "zoo",
            "add",
            "--annotations",
            ann,
            store.toString(),
            base.resolve("ResNet50.csv").toString(),
            base.resolve("SimCLR.csv").toString());
    assertThat(add.exitCode()).as(add.err()).isEqualTo(0);

    CliRunner.Result info =
        run("zoo", "info", store.toString(), "--verify", "--models", "--format", "csv");
    assertThat(info.exitCode()).as(info.err()).isEqualTo(0);
    assertThat(info.out())
        .contains("models:        4 (DINO .. ViT)")
        .contains("images:        50000 per model")
        .contains("probabilities: yes")
        .contains("synthetic:     no")
        .contains("all blocks verified")
        .contains("imagenetx zoo add")
        .contains("ResNet50,0,")
        .contains("ResNet50.csv");

    // the store and the CSV folder give byte-identical upstream tables
    Path fromStore = tmp.resolve("from-store");
    Path fromCsv = tmp.resolve("from-csv");
    assertThat(
            CliRunner.aggregateAll(
                    "--annotations", ann, "--zoo", store.toString(), "--out", fromStore.toString())
                .exitCode())
        .isEqualTo(0);
    assertThat(
            CliRunner.aggregateAll(
                    "--annotations", ann, "--zoo", base.toString(), "--out", fromCsv.toString())
                .exitCode())
        .isEqualTo(0);
    Map<String, String> a = tree(fromStore);
    Map<String, String> b = tree(fromCsv);
    assertThat(a).hasSize(12);
    // same tables; only the zoo folder name differs (base.zoo → "base", folder → "base")
    assertThat(a).isEqualTo(b);

    // export writes CSVs that rebuild the same store content
    Path exported = tmp.resolve("exported");
    CliRunner.Result export =
        run("zoo", "export", "--annotations", ann, store.toString(), "--out", exported.toString());
    assertThat(export.exitCode()).as(export.err()).isEqualTo(0);
    assertThat(export.out()).contains("wrote 4 model(s)");
    Path again = tmp.resolve("again.zoo");
    assertThat(
            run(
                    "zoo",
                    "build",
                    "--annotations",
                    ann,
                    "--from",
                    exported.toString(),
                    "--out",
                    again.toString())
                .exitCode())
        .isEqualTo(0);
    Path fromAgain = tmp.resolve("from-again");
    assertThat(
            CliRunner.aggregateAll(
                    "--annotations", ann, "--zoo", again.toString(), "--out", fromAgain.toString())
                .exitCode())
        .isEqualTo(0);
    Map<String, String> c = new TreeMap<>();
    tree(fromAgain).forEach((k, v) -> c.put(k.replace("again", "base"), v));
    assertThat(c).isEqualTo(a);
  }

  @Test
  void badInputGetsOneLineAndExitOne() throws IOException {
    String ann = RealData.annotations().toString();
    Path bad = tmp.resolve("bad");
    Files.createDirectories(bad);
    Files.writeString(
        bad.resolve("m.csv"), "file_name,predicted_class\nILSVRC2012_val_00000001.JPEG,1000\n");
    Path store = tmp.resolve("bad.zoo");
    CliRunner.Result r =
        run(
            "zoo",
            "build",
            "--annotations",
            ann,
            "--from",
            bad.toString(),
            "--out",
            store.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip())
        .doesNotContain("\n")
        .contains("m.csv:2: class id 1000 outside 0..999");
    assertThat(store).doesNotExist();

    Path notStore = tmp.resolve("x.zoo");
    Files.writeString(notStore, "hello");
    CliRunner.Result info = run("zoo", "info", notStore.toString());
    assertThat(info.exitCode()).isEqualTo(1);
    assertThat(info.err().strip()).doesNotContain("\n").contains("shorter than the 64-byte header");
    CliRunner.Result agg =
        CliRunner.aggregateAll(
            "--annotations",
            ann,
            "--zoo",
            notStore.toString(),
            "--out",
            tmp.resolve("o").toString());
    assertThat(agg.exitCode()).isEqualTo(1);
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void synthStoreAndSynthCsvsGiveTheSameTablesAsTheEmbeddedGenerator() throws IOException {
    Path store = tmp.resolve("s.zoo");
    Path dir = tmp.resolve("s");
    CliRunner.Result a =
        run("synth", "--models", "4", "--out", store.toString(), "--seed", "20221103");
    assertThat(a.exitCode()).as(a.err()).isEqualTo(0);
    assertThat(a.out()).contains("4 models x 50000 images with probabilities");
    CliRunner.Result b =
        run("synth", "--models", "4", "--out", dir.toString(), "--seed", "20221103");
    assertThat(b.exitCode()).as(b.err()).isEqualTo(0);
    assertThat(Files.list(dir).count()).isEqualTo(4);

    CliRunner.Result info = run("zoo", "info", store.toString());
    assertThat(info.out()).contains("synthetic:     yes (seed 20221103)");

    Path o1 = tmp.resolve("o1");
    Path o2 = tmp.resolve("o2");
    Path o3 = tmp.resolve("o3");
    assertThat(
            CliRunner.aggregateAll("--synthetic", "--zoo", store.toString(), "--out", o1.toString())
                .exitCode())
        .isEqualTo(0);
    assertThat(
            CliRunner.aggregateAll("--synthetic", "--zoo", dir.toString(), "--out", o2.toString())
                .exitCode())
        .isEqualTo(0);
    // the embedded default: the same 4 models of the default seed, zoo named "synthetic"
    assertThat(CliRunner.aggregateAll("--synthetic", "--out", o3.toString()).exitCode())
        .isEqualTo(0);
    Map<String, String> t1 = tree(o1);
    Map<String, String> t3 = new TreeMap<>();
    tree(o3).forEach((k, v) -> t3.put(k.replace("synthetic", "s"), v));
    Map<String, String> t1renamed = new TreeMap<>();
    t1.forEach((k, v) -> t1renamed.put(k.replace("synthetic", "s"), v));
    assertThat(tree(o2)).isEqualTo(t1);
    assertThat(t1renamed).isEqualTo(t3);
    assertThat(t1.keySet()).anyMatch(k -> k.endsWith("class/accuracies_per_factor.csv"));

    CliRunner.Result wrongSeed =
        CliRunner.aggregateAll(
            "--synthetic",
            "--seed",
            "5",
            "--zoo",
            store.toString(),
            "--out",
            tmp.resolve("o4").toString());
    assertThat(wrongSeed.exitCode()).isEqualTo(1);
    assertThat(wrongSeed.err().strip())
        .doesNotContain("\n")
        .contains("built against another image index")
        .contains("--synthetic --seed 20221103");
  }

  @Test
  void usageErrors() {
    assertThat(run("zoo").exitCode()).isEqualTo(2);
    assertThat(run("synth", "--models", "0", "--out", tmp.resolve("x").toString()).exitCode())
        .isEqualTo(2);
    assertThat(
            run(
                    "synth",
                    "--models",
                    "1",
                    "--out",
                    tmp.resolve("x").toString(),
                    "--format",
                    "parquet")
                .exitCode())
        .isEqualTo(2);
    assertThat(List.of(run("zoo", "build", "--out", "x").err()))
        .anyMatch(e -> e.contains("--from"));
  }
}
