package org.imagenetx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imagenetx.testing.CliRunner;
import org.imagenetx.testing.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CliTest {
  @TempDir Path tmp;

  @Test
  void everyCommandHasHelp() {
    CommandLine cl = Main.commandLine("--help");
    assertThat(cl.getSubcommands()).containsKeys("aggregate", "ratios");
    for (String name : cl.getSubcommands().keySet()) {
      if (name.equals("help")) {
        continue;
      }
      CliRunner.Result r = CliRunner.run(name, "--help");
      assertThat(r.exitCode()).as(name).isZero();
      assertThat(r.out()).as(name).contains("Usage: imagenetx " + name);
    }
    assertThat(CliRunner.run("--help").exitCode()).isZero();
  }

  @Test
  void aSyntheticStoreBringsItsOwnDataset() {
    Path store = tmp.resolve("s.zoo");
    assertThat(
            CliRunner.run("synth", "--models", "3", "--seed", "7", "--out", store.toString())
                .exitCode())
        .isZero();
    CliRunner.Result implicit = CliRunner.run("ratios", "--zoo", store.toString());
    CliRunner.Result explicit =
        CliRunner.run("ratios", "--synthetic", "--seed", "7", "--zoo", store.toString());
    assertThat(implicit.exitCode()).as(implicit.err()).isZero();
    assertThat(implicit.out()).isEqualTo(explicit.out()).contains("synthetic_model_0002");
    assertThat(implicit.err()).contains("SYNTHETIC DATA");
    // the store's seed wins over nothing, but never over explicit annotations
    CliRunner.Result other =
        CliRunner.run("ratios", "--synthetic", "--seed", "8", "--zoo", store.toString());
    assertThat(other.exitCode()).isEqualTo(1);
    assertThat(other.err()).contains("synthetic predictions of seed 7");
  }

  @Test
  void sessionListingsShowBothSelectionsOfFactors() {
    // a session evaluates one selection but lists (and parses) both: multi_factors is never blank
    CliRunner.Result r =
        CliRunner.run("query", "images texture and wrong:ViT and right:ResNet50 --limit 1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("ILSVRC2012_val_00002871.JPEG")
        .contains("texture     pattern texture");
    CliRunner.Result multi = CliRunner.run("query", "images multi:texture --count");
    assertThat(multi.out()).contains("879 of 46110 evaluated images");
  }

  @Test
  void usageErrorsExitTwo() {
    CliRunner.Result r = CliRunner.run("ratios", "--no-such-option");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option").contains("--help");
    assertThat(CliRunner.run("ratios", "--format", "xml").exitCode()).isEqualTo(2);
    assertThat(CliRunner.run("ratios", "--error-type", "top5").err())
        .contains("use class, metaclass or real_class");
    assertThat(CliRunner.run().exitCode()).isEqualTo(2);
  }

  @Test
  void mainJobRunsOnTheEmbeddedReleaseFromAnyDirectory() {
    // no --annotations, no --zoo: the embedded release and its four base models
    CliRunner.Result r = CliRunner.run("ratios");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out().lines().toList())
        .containsExactly(
            "model       pose  background  pattern   color  smaller   shape  partial_view  subcategor"
                + "y  texture  larger  darker  object_blocking  person_blocking   style  brighter  multiple"
                + "_objects",
            "DINO      0.7262      1.0680   0.9275  1.1779   1.5437  1.6423        1.1291       1.954"
                + "9   2.1503  1.2480  1.4678           1.9305           2.0349  1.7036    0.9249          "
                + "  1.4244",
            "ResNet50  0.6947      1.1417   0.7714  1.1888   1.4974  1.7442        1.1324       2.105"
                + "5   2.3939  1.3159  1.7150           1.9233           2.1713  1.9280    1.1664          "
                + "  1.9739",
            "SimCLR    0.7740      1.0867   0.9112  1.1196   1.5418  1.4730        1.0125       1.618"
                + "1   2.0584  1.0121  1.1224           1.7555           2.0341  1.1769    0.8795          "
                + "  1.1907",
            "ViT       0.7407      1.0910   0.8625  1.1516   1.6440  1.5399        0.9172       2.015"
                + "4   2.0446  1.2909  1.8340           1.9860           1.9363  1.6011    0.7823          "
                + "  1.6136");
    // the same table from the shipped files, parsed
    CliRunner.Result files =
        CliRunner.run(
            "ratios",
            "--annotations",
            RealData.annotations().toString(),
            "--zoo",
            RealData.baseZoo().toString());
    assertThat(files.out()).isEqualTo(r.out());
    // --zoo alone: the embedded annotations
    assertThat(CliRunner.run("ratios", "--zoo", RealData.baseZoo().toString()).out())
        .isEqualTo(r.out());
  }

  @Test
  void syntheticDataSaysSoEverywhere() {
    CliRunner.Result r = CliRunner.run("ratios", "--synthetic");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).contains("SYNTHETIC DATA").contains("Drop --synthetic");
    assertThat(r.out()).contains("synthetic_model_0000").contains("(synthetic data");
    // the synthetic zoo's style cells have 9 images: flagged, with the small-cell note
    assertThat(r.out()).contains(org.imagenetx.evaluation.SmallCells.NOTE).contains("2.3471*");
    assertThat(r.out().lines().count()).isEqualTo(1 + 4 + 2);
    // deterministic: same seed, same table
    assertThat(CliRunner.run("ratios", "--synthetic").out()).isEqualTo(r.out());
    assertThat(CliRunner.run("ratios", "--synthetic", "--seed", "3").out()).isNotEqualTo(r.out());
  }

  @Test
  void prefetchedClassesExist() throws ClassNotFoundException {
    for (String c : Prefetch.CLASSES) {
      Class.forName(c, false, CliTest.class.getClassLoader());
    }
  }

  @Test
  void threadsMustBePositive() {
    for (String n : new String[] {"0", "-1"}) {
      CliRunner.Result r = CliRunner.run("ratios", "--threads", n);
      assertThat(r.exitCode()).as(n).isEqualTo(2);
      assertThat(r.err()).contains("--threads").contains("must be at least 1, got " + n);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"table", "csv", "markdown", "json", "latex"})
  void ratiosOnRealDataInEveryFormat(String format) {
    CliRunner.Result r =
        CliRunner.run(
            "ratios",
            "--annotations",
            RealData.annotations().toString(),
            "--zoo",
            RealData.baseZoo().toString(),
            "--format",
            format,
            "--decimals",
            "6");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    switch (format) {
      case "markdown":
        assertThat(r.out())
            .contains(
                "| ResNet50 | 0.694739 | 1.141699 | 0.771442 | 1.188826 | 1.497432 | 1.744230 | 1.132355 | 2.105479 | 2.393863 | 1.315925 | 1.715017 | 1.923274 | 2.171276 | 1.927983 | 1.166388 | 1.973887 |");
        break;
      case "csv":
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("model,pose,background");
        assertThat(r.out().lines().count()).isEqualTo(5);
        break;
      case "json":
        assertThat(r.out()).startsWith("[\n  {\"model\": \"DINO\", \"pose\": 0.7261");
        break;
      case "latex":
        assertThat(r.out()).contains("\\begin{tabular}").contains("partial\\_view");
        break;
      default:
        assertThat(r.out().lines().skip(2).findFirst().orElseThrow())
            .matches("ResNet50\\s+0\\.694739\\s+1\\.141699\\s+0\\.771442\\s.*1\\.973887");
    }
  }

  @Test
  void aggregateWritesTheUpstreamLayout() throws IOException {
    Path out = tmp.resolve("out");
    CliRunner.Result r =
        CliRunner.aggregateAll(
            "--annotations",
            RealData.annotations().toString(),
            "--zoo",
            RealData.baseZoo().toString(),
            "--out",
            out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    for (String sel : List.of("multi_factor", "top_factor")) {
      for (String type : List.of("class", "metaclass", "real_class")) {
        Path dir = out.resolve("val").resolve(sel).resolve("base").resolve(type);
        List<String> factor = Files.readAllLines(dir.resolve("accuracies_per_factor.csv"));
        List<String> upstream =
            Files.readAllLines(
                RealData.results()
                    .resolve(
                        "val/" + sel + "/imagenet_testbed/" + type + "/accuracies_per_factor.csv"));
        assertThat(factor.get(0)).isEqualTo(upstream.get(0));
        assertThat(factor).hasSize(type.equals("real_class") ? 6 : 5);
        List<String> meta = Files.readAllLines(dir.resolve("accuracies_per_factor_metaclass.csv"));
        assertThat(meta.get(0))
            .startsWith("model,metaclass,pose,")
            .endsWith(",worst_factor,average");
        assertThat(meta).hasSize(1 + 17 * (type.equals("real_class") ? 5 : 4));
        // upstream row order: metaclass first, then model name
        int models = type.equals("real_class") ? 5 : 4;
        assertThat(meta.get(1)).startsWith("DINO,device,");
        assertThat(meta.get(2)).startsWith("ResNet50,device,");
        assertThat(meta.get(1 + models)).startsWith("DINO,dog,");
        assertThat(meta.get(17 * models))
            .startsWith((type.equals("real_class") ? "human" : "ViT") + ",other,");
      }
    }
    try (var files = Files.walk(out)) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
  }
}
