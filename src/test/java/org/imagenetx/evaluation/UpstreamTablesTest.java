package org.imagenetx.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.report.AccuracyCsv;
import org.imagenetx.testing.RealData;
import org.imagenetx.zoo.Zoo;
import org.imagenetx.zoo.Zoos;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The acceptance tests of the core engine on the real data: the published error-ratio table of the
 * four base models, and byte equality with the upstream toolkit's own tables. The base ResNet50 is
 * the {@code resnet50} of the upstream {@code imagenet_testbed} zoo (same predictions: every count
 * agrees), and the {@code human} row depends on annotations and ReaL labels only, so both can be
 * compared cell by cell with the published files.
 */
class UpstreamTablesTest {
  private static Dataset dataset;
  private static Aggregation aggregation;

  @BeforeAll
  static void load() {
    dataset = RealData.val();
    Zoo zoo = Zoos.open(RealData.baseZoo(), dataset.index());
    aggregation =
        Aggregation.run(
            dataset,
            zoo,
            List.of(FactorSelection.MULTI, FactorSelection.TOP),
            List.of(ErrorType.values()),
            2,
            null);
  }

  /** Published in the issue: error ratios, top factors, class, prototypes filtered, 6 decimals. */
  private static final String[] PUBLISHED = {
    "DINO 0.726197 1.067989 0.927478 1.177905 1.543689 1.642275 1.129062 1.954860 2.150316 1.248049 1.467770 1.930511 2.034863 1.703606 0.924938 1.424404",
    "ResNet50 0.694739 1.141699 0.771442 1.188826 1.497432 1.744230 1.132355 2.105479 2.393863 1.315925 1.715017 1.923274 2.171276 1.927983 1.166388 1.973887",
    "SimCLR 0.774029 1.086696 0.911171 1.119552 1.541756 1.473035 1.012471 1.618136 2.058397 1.012098 1.122385 1.755525 2.034119 1.176858 0.879497 1.190704",
    "ViT 0.740670 1.090969 0.862456 1.151641 1.644009 1.539923 0.917235 2.015381 2.044646 1.290873 1.834028 1.985959 1.936310 1.601083 0.782348 1.613592",
  };

  @Test
  void publishedErrorRatiosToSixDecimals() {
    FactorTable t = aggregation.get(FactorSelection.TOP, ErrorType.CLASS).factors();
    assertThat(t.models()).containsExactly("DINO", "ResNet50", "SimCLR", "ViT");
    for (int r = 0; r < PUBLISHED.length; r++) {
      String[] cells = PUBLISHED[r].split(" ");
      assertThat(t.models().get(r)).isEqualTo(cells[0]);
      for (Factor f : Factor.values()) {
        String ours = String.format(Locale.ROOT, "%.6f", t.errorRatio(r, f));
        assertThat(ours).as("%s %s", cells[0], f.column()).isEqualTo(cells[1 + f.ordinal()]);
      }
    }
  }

  @Test
  void overallTopOneAccuracyOnThe46110FilteredImages() {
    FactorTable t = aggregation.get(FactorSelection.TOP, ErrorType.CLASS).factors();
    assertThat(dataset.factors(FactorSelection.TOP).numEvaluated()).isEqualTo(46_110);
    double[] expected = {0.754283, 0.746693, 0.664064, 0.767599};
    for (int r = 0; r < 4; r++) {
      assertThat(t.get(r, FactorTable.AVERAGE)).isCloseTo(expected[r], within(5e-7));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "multi_factor, class", "multi_factor, metaclass", "multi_factor, real_class",
    "top_factor, class", "top_factor, metaclass", "top_factor, real_class"
  })
  void resNet50RowEqualsUpstreamResnet50RowByteForByte(String selection, String type)
      throws IOException {
    FactorTable t =
        aggregation.get(FactorSelection.parse(selection), ErrorType.parse(type)).factors();
    String ours = csvRow(t, "ResNet50");
    String theirs =
        upstreamRow(
            RealData.results()
                .resolve("val")
                .resolve(selection)
                .resolve("imagenet_testbed")
                .resolve(type),
            "resnet50");
    assertThat(ours.substring(ours.indexOf(','))).isEqualTo(theirs.substring(theirs.indexOf(',')));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"multi_factor", "top_factor"})
  void humanRowEqualsUpstreamByteForByte(String selection) throws IOException {
    FactorTable t =
        aggregation.get(FactorSelection.parse(selection), ErrorType.REAL_CLASS).factors();
    assertThat(t.models()).containsExactly("DINO", "ResNet50", "SimCLR", "ViT", "human");
    String theirs =
        upstreamRow(
            RealData.results()
                .resolve("val")
                .resolve(selection)
                .resolve("imagenet_testbed")
                .resolve("real_class"),
            "human");
    assertThat(csvRow(t, "human")).isEqualTo(theirs);
  }

  @Test
  void metaclassTableRowsCoverEveryMetaclassAndSumBackToTheFactorTable() {
    Aggregation.Tables tables = aggregation.get(FactorSelection.TOP, ErrorType.CLASS);
    MetaclassTable m = tables.metaclasses();
    assertThat(m.size()).isEqualTo(4 * 17);
    assertThat(m.metaclass(0)).isEqualTo("device");
    assertThat(m.metaclass(16)).isEqualTo("other");
    // dog has no top-factor "shape" image in the real data: an empty cell, skipped by worst_factor
    int dog = 1;
    assertThat(m.metaclass(dog)).isEqualTo("dog");
    assertThat(m.get(dog, Factor.SHAPE.ordinal())).isNaN();
    double min = Double.NaN;
    for (int f = 0; f < Factor.COUNT; f++) {
      double v = m.get(dog, f);
      if (!Double.isNaN(v) && (Double.isNaN(min) || v < min)) {
        min = v;
      }
    }
    assertThat(m.get(dog, MetaclassTable.WORST_FACTOR)).isEqualTo(min);
  }

  private static String csvRow(FactorTable t, String model) throws IOException {
    StringWriter w = new StringWriter();
    AccuracyCsv.write(t, w);
    for (String line : w.toString().split("\n")) {
      if (line.startsWith(model + ",")) {
        return line;
      }
    }
    throw new AssertionError("no row " + model);
  }

  private static String upstreamRow(Path dir, String model) throws IOException {
    for (String line : Files.readAllLines(dir.resolve("accuracies_per_factor.csv"))) {
      if (line.startsWith(model + ",")) {
        return line;
      }
    }
    throw new AssertionError("no upstream row " + model + " in " + dir);
  }
}
