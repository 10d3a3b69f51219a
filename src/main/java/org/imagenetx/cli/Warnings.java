package org.imagenetx.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.zoo.Zoo;

/** Warnings printed on stderr, never silently dropped. */
final class Warnings {
  private Warnings() {}

  /**
   * Warns about every model that lacks predictions for evaluated images (they drop out of its
   * tables, as in the upstream inner join).
   */
  static void missingPredictions(PrintWriter err, Zoo zoo, Aggregation agg) {
    for (int m = 0; m < zoo.size(); m++) {
      int lost = agg.missingEvaluated(m);
      if (lost > 0) {
        err.printf(
            Locale.ROOT,
            "imagenetx: warning: %s: model %s has no prediction for %d evaluated images;"
                + " its tables use the images it predicted (inner join, as upstream)%n",
            zoo.source(),
            zoo.models().get(m),
            lost);
      }
    }
  }
}
