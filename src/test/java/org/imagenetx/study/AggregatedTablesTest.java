package org.imagenetx.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Partition;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.io.BadInputException;
import org.imagenetx.report.AccuracyCsv;
import org.imagenetx.testing.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AggregatedTablesTest {
  private static final String HEADER = "model," + String.join(",", FactorTable.COLUMNS);

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"top, imagenet_testbed", "multi, modelvshuman", "top, crop", "multi, gaussian_blur"})
  void readsEveryRealCellLikeAPlainSplit(String selection, String zoo) {
    Path file =
        AggregatedTables.path(
            RealData.results(),
            Partition.VAL,
            FactorSelection.parse(selection),
            zoo,
            ErrorType.CLASS);
    FactorTable t = AggregatedTables.read(file);
    Map<String, double[]> plain = PlainCsv.accuracies(file);
    assertThat(t.models()).containsExactlyElementsOf(plain.keySet());
    for (int r = 0; r < t.size(); r++) {
      double[] expected = plain.get(t.models().get(r));
      for (int c = 0; c < FactorTable.COLUMNS.size(); c++) {
        assertThat(t.get(r, c))
            .as("%s %s", t.models().get(r), FactorTable.COLUMNS.get(c))
            .isEqualTo(expected[c]);
      }
    }
  }

  @Test
  void realTableSizes() {
    assertThat(AggregatedTables.read(path("imagenet_testbed")).size()).isEqualTo(335);
    assertThat(AggregatedTables.read(path("modelvshuman")).size()).isEqualTo(54);
    assertThat(AggregatedTables.read(path("crop")).size()).isEqualTo(1272);
  }

  @Test
  void roundTripsOurOwnWriterWithEmptyCells(@TempDir Path dir) {
    double[] row = new double[FactorTable.COLUMNS.size()];
    for (int c = 0; c < row.length; c++) {
      row[c] = c == 3 ? Double.NaN : (c + 1) / 32.0;
    }
    FactorTable t = new FactorTable(List.of("a"), new double[][] {row});
    Path f = dir.resolve(AccuracyCsv.FACTOR_FILE);
    AccuracyCsv.write(t, f);
    FactorTable back = AggregatedTables.read(f);
    assertThat(back.models()).containsExactly("a");
    assertThat(back.get(0, 3)).isNaN();
    assertThat(back.get(0, 4)).isEqualTo(5 / 32.0);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "model,pose|1|header is not the upstream one",
        "@,0.5|2|expected 20 cells, found 2",
        "@a,x,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0|2|pose is not a number: 'x'",
        "@a,1.5,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0|2|not an accuracy in [0, 1]",
        "@a,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0\\na,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0|3|duplicate model a",
        "@,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0|2|empty model name",
      })
  void badRowsNameFileAndLine(String body, long line, String problem, @TempDir Path dir)
      throws IOException {
    Path f = dir.resolve("accuracies_per_factor.csv");
    String text =
        body.startsWith("@")
            ? HEADER + "\n" + body.substring(1).replace("\\n", "\n") + "\n"
            : body + "\n";
    Files.writeString(f, text);
    BadInputException e = assertThrows(BadInputException.class, () -> AggregatedTables.read(f));
    assertThat(e.file()).isEqualTo(f.toString());
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.problem()).contains(problem);
  }

  @Test
  void missingFileIsBadInput(@TempDir Path dir) {
    BadInputException e =
        assertThrows(BadInputException.class, () -> AggregatedTables.read(dir.resolve("nope.csv")));
    assertThat(e.problem()).isEqualTo("no such file");
  }

  @Test
  void unionKeepsTheFirstRowOfADuplicateModel() {
    double[] a = new double[FactorTable.COLUMNS.size()];
    double[] b = a.clone();
    b[0] = 0.5;
    FactorTable u =
        AggregatedTables.union(
            List.of(
                new FactorTable(List.of("m", "x"), new double[][] {a, a}),
                new FactorTable(List.of("m", "y"), new double[][] {b, b})));
    assertThat(u.models()).containsExactly("m", "x", "y");
    assertThat(u.get(0, 0)).isEqualTo(0.0);
    assertThat(u.get(2, 0)).isEqualTo(0.5);
  }

  static Path path(String zoo) {
    return AggregatedTables.path(
        RealData.results(), Partition.VAL, FactorSelection.TOP, zoo, ErrorType.CLASS);
  }
}
