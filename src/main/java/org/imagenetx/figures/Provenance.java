package org.imagenetx.figures;

import java.util.Locale;
import java.util.Objects;

/**
 * What a figure is drawn from, printed as one line in its footer (and on the results page), so a
 * figure cut out of a paper still says where its numbers come from: the data, the factor selection,
 * the error type, how many models, the interval method, the test and its multiplicity adjustment.
 *
 * <p>Every field is a short phrase; "none" is written out rather than left empty, so a reader can
 * tell "no test" from "forgot to say".
 *
 * @param data the data drawn, e.g. {@code ImageNet-X val (46,110 images), base zoo}
 * @param selection factor selection, e.g. {@code top factors}
 * @param errorType error type, e.g. {@code class errors}, or {@code none} for annotation figures
 * @param models number of models drawn (0 for annotation figures)
 * @param intervals interval method, e.g. {@code 95% percentile bootstrap over images, B = 1,000}
 * @param test the test behind faded bars or masked cells, or {@code none}
 * @param adjustment multiplicity adjustment of that test, or {@code none}
 */
public record Provenance(
    String data,
    String selection,
    String errorType,
    int models,
    String intervals,
    String test,
    String adjustment) {
  /** Written for a field that does not apply. */
  public static final String NONE = "none";

  /** Checks that every field is given. */
  public Provenance {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(errorType, "errorType");
    Objects.requireNonNull(intervals, "intervals");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(adjustment, "adjustment");
    if (models < 0) {
      throw new IllegalArgumentException("models < 0");
    }
  }

  /**
   * @param adjustment the multiplicity adjustment, e.g. {@code Holm over 16 factors}
   * @return this provenance with another adjustment
   */
  public Provenance withAdjustment(String adjustment) {
    return new Provenance(data, selection, errorType, models, intervals, test, adjustment);
  }

  /**
   * @param test the test
   * @return this provenance with another test
   */
  public Provenance withTest(String test) {
    return new Provenance(data, selection, errorType, models, intervals, test, adjustment);
  }

  /**
   * @return the footer line, e.g. {@code Data: … · Factors: top · Errors: class · Models: 4 ·
   *     Intervals: … · Test: … · Adjustment: none}
   */
  public String line() {
    return String.join(
        " · ",
        "Data: " + data,
        "Factors: " + selection,
        "Errors: " + errorType,
        "Models: " + (models == 0 ? NONE : String.format(Locale.ROOT, "%,d", models)),
        "Intervals: " + intervals,
        "Test: " + test,
        "Adjustment: " + adjustment);
  }
}
