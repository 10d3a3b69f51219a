package org.imagenetx.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.compare.SliceComparison;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.SmallCells;
import org.imagenetx.resampling.Interval;
import org.imagenetx.resampling.ZooBootstrap;
import org.junit.jupiter.api.Test;

/**
 * A compare slice too small to read for either model has its differences flagged in text, with the
 * {@link SmallCells} note; CSV keeps the numbers alone.
 */
class ComparisonTablesSmallCellTest {
  private static SliceComparison slice(String name, int images, double errorA, double errorB) {
    return new SliceComparison(
        name,
        images,
        errorA,
        errorB,
        1,
        1,
        1.0,
        1.0,
        1.0,
        1.0,
        Interval.point(errorA - errorB),
        Interval.point(0.25),
        Interval.point(0.25),
        "no significant difference in errors");
  }

  @Test
  void smallSlicesFlaggedInTextOnly() {
    // 20 images: small whatever the errors; 1000 images with 3 errors of B: small (errors < 5);
    // 1000 images with 200 and 100 errors: not small
    List<SliceComparison> rows =
        List.of(
            slice("style", 20, 0.5, 0.25),
            slice("brighter", 1000, 0.2, 0.003),
            slice("pose", 1000, 0.2, 0.1));
    ReportTable t =
        ComparisonTables.pair(
            "A",
            "B",
            FactorSelection.TOP,
            ErrorType.CLASS,
            rows,
            ZooBootstrap.Settings.defaults(),
            true);
    String text = t.render(Format.TABLE, 4);
    List<String> lines = text.lines().toList();
    assertThat(lines.get(1)).startsWith("style").contains("0.2500*");
    assertThat(lines.get(2)).startsWith("brighter").contains("0.1970*");
    assertThat(lines.get(3)).startsWith("pose").doesNotContain("*");
    assertThat(text).contains(SmallCells.NOTE);
    assertThat(t.render(Format.CSV, 4)).doesNotContain("*");
    ReportTable all = ComparisonTables.pairs(Map.of("A vs B", rows));
    assertThat(all.render(Format.TABLE, 4)).contains("0.2500*").contains(SmallCells.NOTE);
  }
}
