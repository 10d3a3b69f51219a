package org.imagenetx.figures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imagenetx.annotations.Factor;
import org.imagenetx.stats.FactorTable;

/**
 * The three augmentation sweeps of the study (random crop, colour jitter, Gaussian blur), strength
 * parsed from the model names as the published study defines it: crop strength = 100 − the crop
 * value (the minimum crop scale, in percent); colour strength = the {@code color} value; blur
 * strength = the {@code smoothing} value. Strength levels with {@value #MIN_MODELS_PER_LEVEL} models
 * or fewer are dropped.
 *
 * <p>Interim: the study package (issue 5) owns the parsing and the regression; this builds the same
 * {@link AugmentationSweep} from a plain least-squares fit until its API is merged.
 */
public final class Augmentations {
  /** Levels with this many models or fewer are dropped (as published). */
  public static final int MIN_MODELS_PER_LEVEL = 4;

  /**
   * One sweep.
   *
   * @param zoo upstream zoo folder name
   * @param name figure key
   * @param title human name
   * @param key hyper-parameter in the model name
   * @param complement strength = 100 − value when true, else the value
   * @param axis x axis title
   */
  public record Kind(String zoo, String name, String title, String key, boolean complement, String axis) {}

  /** The sweeps drawn, in order. */
  public static final List<Kind> KINDS =
      List.of(
          new Kind("crop", "crop", "Random crop", "crop", true, "Crop strength (100 − min. crop scale, %)"),
          new Kind("colorjitter", "colorjitter", "Colour jitter", "color", false, "Colour-jitter strength"),
          new Kind("gaussian_blur", "blur", "Gaussian blur", "smoothing", false, "Blur strength (smoothing)"));

  private Augmentations() {}

  /**
   * @param model a model name such as {@code eval_resnet50_crop20.0_wd0.0001_id1}
   * @param key hyper-parameter, e.g. {@code crop}
   * @return its value, NaN when absent
   */
  public static double parameter(String model, String key) {
    Matcher m = Pattern.compile("(?:^|_)" + Pattern.quote(key) + "(-?[0-9]+(?:\\.[0-9]+)?(?:e-?[0-9]+)?)(?:_|$)").matcher(model);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  /**
   * @param kind which sweep
   * @param table the zoo's aggregated table
   * @return the sweep with per-factor least-squares lines
   */
  public static AugmentationSweep sweep(Kind kind, FactorTable table) {
    Map<Double, Integer> perLevel = new HashMap<>();
    double[] strength = new double[table.size()];
    for (int r = 0; r < table.size(); r++) {
      double v = parameter(table.models().get(r), kind.key());
      strength[r] = kind.complement() ? 100 - v : v;
      if (!Double.isNaN(v)) {
        perLevel.merge(strength[r], 1, Integer::sum);
      }
    }
    List<String> models = new ArrayList<>();
    List<Double> kept = new ArrayList<>();
    List<double[]> ratios = new ArrayList<>();
    for (int r = 0; r < table.size(); r++) {
      if (Double.isNaN(strength[r]) || perLevel.get(strength[r]) <= MIN_MODELS_PER_LEVEL) {
        continue;
      }
      double[] er = new double[Factor.COUNT];
      for (Factor f : Factor.values()) {
        er[f.ordinal()] = table.errorRatio(r, f);
      }
      models.add(table.models().get(r));
      kept.add(strength[r]);
      ratios.add(er);
    }
    double[] x = kept.stream().mapToDouble(Double::doubleValue).toArray();
    double[] slope = new double[Factor.COUNT];
    double[] intercept = new double[Factor.COUNT];
    double[] p = new double[Factor.COUNT];
    for (Factor f : Factor.values()) {
      double[] y = new double[x.length];
      for (int i = 0; i < y.length; i++) {
        y[i] = ratios.get(i)[f.ordinal()];
      }
      Interim.Line l = Interim.leastSquares(x, y);
      slope[f.ordinal()] = l.slope();
      intercept[f.ordinal()] = l.intercept();
      p[f.ordinal()] = Double.NaN;
    }
    return new AugmentationSweep(
        kind.name(), kind.title(), kind.axis(), models, x, ratios.toArray(new double[0][]), slope, intercept, p);
  }
}
