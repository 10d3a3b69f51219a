package org.imagenetx.figures;

import java.util.List;

/**
 * One augmentation sweep as the augmentation figure draws it: each model's strength and per-factor
 * error ratios, and per factor the fitted line of error ratio on strength.
 *
 * @param name file-name key, e.g. {@code crop}
 * @param title human name, e.g. {@code Random crop}
 * @param strengthAxis x axis title with unit, e.g. {@code Crop strength (100 − min. scale, %)}
 * @param models model names
 * @param strength per model
 * @param errorRatio {@code [model][factor]}
 * @param slope per factor, least-squares slope of error ratio on strength
 * @param intercept per factor
 * @param pValue per factor, the study's test of the strength effect (NaN when not computed)
 */
public record SweepLines(
    String name,
    String title,
    String strengthAxis,
    List<String> models,
    double[] strength,
    double[][] errorRatio,
    double[] slope,
    double[] intercept,
    double[] pValue) {
  /** Checks the shapes. */
  public SweepLines {
    models = List.copyOf(models);
    if (strength.length != models.size() || errorRatio.length != models.size()) {
      throw new IllegalArgumentException("one strength and one row per model");
    }
  }
}
