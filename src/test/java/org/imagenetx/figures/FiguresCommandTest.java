package org.imagenetx.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Partition;
import org.imagenetx.cli.Main;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.study.AggregatedTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code imagenetx figures} on the tiny committed fixture (validation only, three models). */
class FiguresCommandTest {
  @TempDir Path out;

  private static final Path TINY = Path.of("data", "fixtures", "tiny");

  private int run(StringWriter o, StringWriter e, String... args) {
    return Main.run(new PrintWriter(o), new PrintWriter(e), args);
  }

  @Test
  void allDrawsWhatTheInputsAllowAndSaysWhatItSkipped() throws Exception {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code =
        run(
            o,
            e,
            "figures",
            "all",
            "--annotations",
            TINY.resolve("annotations").toString(),
            "--zoo",
            TINY.resolve("zoo").toString(),
            "--out",
            out.toString(),
            "--threads",
            "1");
    assertThat(code).as(e.toString()).isZero();
    for (String name :
        new String[] {
          "cooccurrence-val", "base-model-comparison", "metaclass-ratios", "prevalence-shift"
        }) {
      for (String ext : new String[] {".svg", ".png", ".csv"}) {
        assertThat(out.resolve(name + ext)).exists();
      }
      SvgFile.parse(out.resolve(name + ".svg"));
      assertThat(SvgFile.png(out.resolve(name + ".png")).getWidth())
          .isGreaterThanOrEqualTo(Figure.MIN_PNG_WIDTH);
    }
    assertThat(e.toString())
        .contains("skipped figure factor-distribution: needs training annotations")
        .contains("skipped figure model-comparison: needs the aggregated tables");
    assertThat(out.resolve("factor-distribution.svg")).doesNotExist();
    // the three synthetic models are the legend of the prevalence figure
    SvgFile svg = SvgFile.parse(out.resolve("prevalence-shift.svg"));
    assertThat(svg.texts)
        .contains("synthetic_model_0000", "synthetic_model_0001", "synthetic_model_0002");
    assertThat(svg.texts).contains("Factor", "Prevalence shift among mistakes (%)");
  }

  @Test
  void oneFigureWhoseInputIsMissingIsAUsageErrorWithNoOutput() {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code =
        run(
            o,
            e,
            "figures",
            "augmentation-crop",
            "--annotations",
            TINY.resolve("annotations").toString(),
            "--out",
            out.toString());
    assertThat(code).isEqualTo(Main.EXIT_USAGE);
    assertThat(e.toString())
        .contains("figure augmentation-crop needs the aggregated tables: --results");
    assertThat(out.toFile().list()).isEmpty();
  }

  @Test
  void unknownFigureListsTheValidNames() {
    StringWriter e = new StringWriter();
    int code = run(new StringWriter(), e, "figures", "pie-chart", "--out", out.toString());
    assertThat(code).isEqualTo(Main.EXIT_USAGE);
    assertThat(e.toString()).contains("unknown figure 'pie-chart'").contains("model-comparison");
  }

  @Test
  void badAggregatedTableIsOneLineNamingFileAndLine() throws Exception {
    Path results = out.resolve("results");
    for (String zoo : org.imagenetx.study.Study.ZOOS) {
      Path csv =
          AggregatedTables.path(results, Partition.VAL, FactorSelection.TOP, zoo, ErrorType.CLASS);
      Files.createDirectories(csv.getParent());
      String header = "model," + String.join(",", FactorTable.COLUMNS);
      Files.writeString(
          csv, header + "\nm1" + ",0.5".repeat(19) + "\nm2" + ",0.5".repeat(18) + ",oops\n");
    }
    StringWriter e = new StringWriter();
    int code =
        run(
            new StringWriter(),
            e,
            "figures",
            "accuracy-vs-top1",
            "--annotations",
            TINY.resolve("annotations").toString(),
            "--results",
            results.toString(),
            "--out",
            out.resolve("figs").toString());
    assertThat(code).isEqualTo(Main.EXIT_FAILURE);
    // progress lines start with the elapsed time; the error is one line naming file, line and cause
    assertThat(e.toString().lines().filter(l -> !l.startsWith("[")))
        .singleElement()
        .asString()
        .startsWith("imagenetx: error: ")
        .contains(
            "imagenet_testbed/class/accuracies_per_factor.csv:3: worst_100_classes is not a number: 'oops'");
    assertThat(out.resolve("figs")).doesNotExist();
  }

  @Test
  void modelChoosesTheModelOfThePerModelFigureAndAnUnknownOneIsBadInput() throws Exception {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code =
        run(o, e, "figures", "metaclass-ratios", "--model", "ResNet50", "--out", out.toString());
    assertThat(code).as(e.toString()).isZero();
    List<String> csv = Files.readAllLines(out.resolve("metaclass-ratios.csv"));
    assertThat(csv.get(0)).startsWith("model,metaclass,factor,images,errors,");
    assertThat(csv.subList(1, csv.size()))
        .allMatch(l -> l.startsWith("ResNet50,"))
        .hasSize(17 * 16);
    // one figure of the base models loads neither the training annotations nor the bootstrap
    assertThat(e.toString()).doesNotContain("training annotations", "bootstrap", "pairwise");
    StringWriter e2 = new StringWriter();
    assertThat(
            run(
                new StringWriter(),
                e2,
                "figures",
                "metaclass-ratios",
                "--model",
                "Nope",
                "--out",
                out.resolve("x").toString()))
        .isEqualTo(1);
    assertThat(e2.toString()).contains("no model 'Nope'", "DINO, ResNet50, SimCLR, ViT");
    assertThat(
            run(
                new StringWriter(),
                new StringWriter(),
                "figures",
                "cooccurrence-val",
                "--model",
                "ViT",
                "--out",
                out.toString()))
        .isEqualTo(2);
  }
}
