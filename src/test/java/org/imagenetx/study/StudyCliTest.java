package org.imagenetx.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.imagenetx.testing.CliRunner;
import org.imagenetx.testing.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code imagenetx study …} end to end on the real results and annotations. */
class StudyCliTest {
  static CliRunner.Result run(String... args) {
    return CliRunner.run(args);
  }

  private static String results() {
    return RealData.results().toString();
  }

  @Test
  void groupsListsTheFourGroupsWithCountsIncludingTheBaseModels() {
    CliRunner.Result r =
        run(
            "study",
            "groups",
            "--results",
            results(),
            "--zoo",
            RealData.baseZoo().toString(),
            "--annotations",
            RealData.annotations().toString(),
            "--format",
            "csv");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).startsWith("group,models,pose,background,");
    assertThat(lines.subList(1, 5).stream().map(l -> l.split(",")[0] + "=" + l.split(",")[1]))
        .containsExactly(
            "Supervised on more data=43",
            "Supervised on ImageNet-1K=83",
            "Self-supervised=13",
            "Robustness intervention=70");
    CliRunner.Result dev =
        run("study", "groups", "--results", results(), "--include-simclr", "--format", "csv");
    assertThat(dev.exitCode()).as(dev.err()).isZero();
    assertThat(dev.out()).contains("Self-supervised,14,");
  }

  @Test
  void groupsByDefaultArePublishedOnesWithTheEmbeddedBaseModels() {
    CliRunner.Result r = run("study", "groups", "--results", results());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Self-supervised", "the base models count DINO only");
    assertThat(
            r.out().lines().filter(l -> l.startsWith("Self-supervised")).findFirst().orElseThrow())
        .contains(" 13 ");
  }

  @Test
  void augmentReportsThePositiveSignificantSmallerSlopeUnderCropping() {
    CliRunner.Result r =
        run(
            "study",
            "augment",
            "--results",
            results(),
            "--augmentation",
            "crop",
            "--format",
            "csv");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> header = Arrays.asList(r.out().lines().findFirst().orElseThrow().split(","));
    String[] smaller =
        r.out()
            .lines()
            .filter(l -> l.startsWith("crop,smaller,"))
            .findFirst()
            .orElseThrow()
            .split(",");
    assertThat(Double.parseDouble(smaller[header.indexOf("er_slope")])).isPositive();
    assertThat(Double.parseDouble(smaller[header.indexOf("er_slope_lower")])).isPositive();
    assertThat(Double.parseDouble(smaller[header.indexOf("er_p_value")])).isLessThan(0.05);
  }

  @Test
  void augmentModelsKeepsEveryParsedHyperParameter() {
    CliRunner.Result r =
        run(
            "study",
            "augment",
            "--results",
            results(),
            "--augmentation",
            "gaussian_blur",
            "--table",
            "models",
            "--format",
            "csv");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow())
        .startsWith(
            "augmentation,model,architecture,crop,wd,color,smoothing,id,strength,kept,er_pose,");
    assertThat(r.out().lines().count()).isEqualTo(1 + 161);
  }

  @Test
  void cooccurrenceAndDistributionOnRealTrainingAnnotations() {
    CliRunner.Result co =
        run(
            "study",
            "cooccurrence",
            "--annotations",
            RealData.annotations().toString(),
            "--partitions",
            "train",
            "--selections",
            "multi",
            "--format",
            "csv");
    assertThat(co.exitCode()).as(co.err()).isZero();
    assertThat(co.out().lines().count()).isEqualTo(1 + 33 * 32 / 2);
    CliRunner.Result d =
        run(
            "study",
            "distribution",
            "--annotations",
            RealData.annotations().toString(),
            "--partition",
            "train",
            "--table",
            "active",
            "--format",
            "csv");
    assertThat(d.exitCode()).as(d.err()).isZero();
    assertThat(d.out()).contains("train,top,0,6,", "train,top,1,11227,");
  }

  @Test
  void userGroupsFromTheirOwnTablesAndGroupCsv(@TempDir Path dir) throws IOException {
    Path groups = dir.resolve("groups.csv");
    Files.writeString(
        groups,
        "model,group\nresnet50,cnn-ish\nresnet18,cnn-ish\nvit_base_patch16_224,vit-ish\n"
            + "vit_small_patch16_224,vit-ish\nvit_large_patch16_224,vit-ish\nnot_in_table,x\n");
    Path table = AggregatedTablesTest.path("imagenet_testbed");
    CliRunner.Result r =
        run(
            "study",
            "groups",
            "--table",
            table.toString(),
            "--model-types",
            groups.toString(),
            "--format",
            "csv");
    assertThat(r.exitCode()).as(r.err()).isZero();
    var plain = PlainCsv.accuracies(table);
    double vit = 0;
    for (String m :
        List.of("vit_base_patch16_224", "vit_small_patch16_224", "vit_large_patch16_224")) {
      vit += PlainCsv.errorRatio(plain.get(m), 4);
    }
    String[] row =
        r.out().lines().filter(l -> l.startsWith("vit-ish,")).findFirst().orElseThrow().split(",");
    assertThat(row[1]).isEqualTo("3");
    assertThat(Double.parseDouble(row[2 + 4]))
        .isCloseTo(vit / 3, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(r.out().lines().skip(1).map(l -> l.split(",")[0]).toList())
        .containsExactly("cnn-ish", "vit-ish");
  }

  @Test
  void missingResultsIsOneLineExitOne(@TempDir Path dir) {
    CliRunner.Result r = run("study", "augment", "--results", dir.resolve("nope").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertThat(r.err()).contains("accuracies_per_factor.csv: no such file");
  }

  @Test
  void malformedTableFailsBeforeAnyFileIsWritten(@TempDir Path dir) throws IOException {
    Path res = dir.resolve("results");
    copyTree(RealData.results(), res);
    Path crop = res.resolve("val/top_factor/crop/class/accuracies_per_factor.csv");
    List<String> lines = Files.readAllLines(crop);
    lines.set(10, lines.get(10).replaceFirst(",0\\.", ",x0."));
    Files.write(crop, lines);
    Path out = dir.resolve("study");
    CliRunner.Result r =
        run(
            "study",
            "all",
            "--results",
            res.toString(),
            "--model-types",
            RealData.root().resolve("model_types.csv").toString(),
            "--out",
            out.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains(crop + ":11:", "is not a number");
    assertThat(out).doesNotExist();
  }

  @Test
  void allWritesEveryTable(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("study");
    // progress is shown on a terminal; the property stands in for one
    System.setProperty("imagenetx.progress", "true");
    CliRunner.Result r;
    try {
      r =
          run(
              "study",
              "all",
              "--results",
              results(),
              "--annotations",
              RealData.annotations().toString(),
              "--zoo",
              RealData.baseZoo().toString(),
              "--out",
              out.toString());
    } finally {
      System.clearProperty("imagenetx.progress");
    }
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("s] augmentation sweeps", "s] writing 17 tables");
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly(
              "augment_compare.csv",
              "augment_effects.csv",
              "augment_models_colorjitter.csv",
              "augment_models_crop.csv",
              "augment_models_gaussian_blur.csv",
              "augment_spillover.csv",
              "calibration.csv",
              "consistency.csv",
              "cooccurrence.csv",
              "distribution_active.csv",
              "distribution_shares.csv",
              "families_detail.csv",
              "groups_detail.csv",
              "groups_means.csv",
              "metaclass_error_ratios.tex",
              "prevalence_metaclass.csv",
              "prevalence_mistakes.csv");
    }
    assertThat(Files.readString(out.resolve("groups_means.csv"))).contains("Self-supervised,13,");
    assertThat(Files.readString(out.resolve("metaclass_error_ratios.tex")))
        .contains("\\cellcolor{red!", "ResNet50 & dog");
  }

  @Test
  void latexAndCalibrationRunOnTheSyntheticDefault() {
    CliRunner.Result l = run("study", "latex", "--synthetic");
    assertThat(l.exitCode()).as(l.err()).isZero();
    assertThat(l.out())
        .startsWith("% (synthetic data")
        .contains("\\begin{tabular}", "\\cellcolor{");
    assertThat(l.err()).contains("SYNTHETIC");
    CliRunner.Result c = run("study", "calibration", "--synthetic", "--format", "csv");
    assertThat(c.exitCode()).as(c.err()).isZero();
    assertThat(c.out().lines().count()).isEqualTo(1 + 4);
    CliRunner.Result t = run("study", "calibration", "--synthetic");
    assertThat(t.out())
        .contains("(synthetic data: generated models and annotations, not ImageNet-X)");
    CliRunner.Result p =
        run("study", "prevalence", "--synthetic", "--table", "mistakes", "--format", "csv");
    assertThat(p.exitCode()).as(p.err()).isZero();
    assertThat(p.out().lines().count()).isEqualTo(1 + 4);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else if (p.toString().contains("top_factor") && p.toString().contains("/class/")) {
          Files.copy(p, t);
        }
      }
    }
  }
}
