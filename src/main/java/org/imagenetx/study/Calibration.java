package org.imagenetx.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.io.BadInputException;
import org.imagenetx.zoo.Zoo;

/**
 * Expected calibration error per model, overall and per factor, from the predicted class's
 * probability (the model's confidence).
 *
 * <p>Definition (Guo et al. 2017, eq. 3): confidences go into {@link #NUM_BINS} equal-width bins
 * {@code ((b−1)/15, b/15]} (confidence 0 falls in the first bin); {@code ECE = Σ_b |B_b|/n ·
 * |acc(B_b) − conf(B_b)|}, with acc the share of correct predictions and conf the mean confidence
 * in the bin. Per factor the same sum runs over the images having the factor. Images without a
 * prediction or a probability are left out (the upstream inner join).
 *
 * @param selection multi or top (which factor sets)
 * @param type what counts as correct
 * @param models model names
 * @param overall per model, ECE over all evaluated images it predicted
 * @param perFactor {@code [model][factor]} ECE over images with the factor (NaN without images)
 * @param binCount {@code [model][bin]} images per bin, overall
 * @param binConfidence {@code [model][bin]} mean confidence per bin (NaN when empty)
 * @param binAccuracy {@code [model][bin]} accuracy per bin (NaN when empty)
 */
public record Calibration(
    FactorSelection selection,
    ErrorType type,
    List<String> models,
    double[] overall,
    double[][] perFactor,
    int[][] binCount,
    double[][] binConfidence,
    double[][] binAccuracy) {

  /** Equal-width confidence bins, as the study. */
  public static final int NUM_BINS = 15;

  /**
   * @param dataset annotations
   * @param selection multi or top
   * @param type what counts as correct
   * @param zoo predictions with probabilities
   * @return ECE for every model
   * @throws BadInputException when the zoo has no probabilities, or real_class lacks ReaL labels
   */
  public static Calibration compute(
      Dataset dataset, FactorSelection selection, ErrorType type, Zoo zoo) {
    PerImage.check(dataset, type);
    if (!zoo.hasProbabilities()) {
      throw new BadInputException(
          zoo.source(), 0, "no predicted probabilities (calibration needs a probability column)");
    }
    int[] masks = PerImage.masks(dataset.factors(selection));
    byte[] metaOfClass = dataset.metaclasses().table();
    int m = zoo.size();
    short[] pred = new short[zoo.numImages()];
    float[] prob = new float[zoo.numImages()];
    double[] overall = new double[m];
    double[][] perFactor = new double[m][Factor.COUNT];
    int[][] binCount = new int[m][];
    double[][] binConf = new double[m][];
    double[][] binAcc = new double[m][];
    int cols = Factor.COUNT + 1;
    long[] count = new long[cols * NUM_BINS];
    long[] correct = new long[cols * NUM_BINS];
    double[] conf = new double[cols * NUM_BINS];
    for (int model = 0; model < m; model++) {
      zoo.readClasses(model, pred);
      zoo.readProbabilities(model, prob);
      Arrays.fill(count, 0);
      Arrays.fill(correct, 0);
      Arrays.fill(conf, 0);
      for (int i = 0; i < masks.length; i++) {
        int mask = masks[i];
        float p = prob[i];
        if ((mask & PerImage.EVALUATED) == 0 || pred[i] < 0 || Float.isNaN(p)) {
          continue;
        }
        int b = bin(p);
        int ok = PerImage.correct(dataset, metaOfClass, type, i, pred[i]) ? 1 : 0;
        int cell = Factor.COUNT * NUM_BINS + b;
        count[cell]++;
        correct[cell] += ok;
        conf[cell] += p;
        for (int f = 0; f < Factor.COUNT; f++) {
          if ((mask & (1 << f)) != 0) {
            cell = f * NUM_BINS + b;
            count[cell]++;
            correct[cell] += ok;
            conf[cell] += p;
          }
        }
      }
      for (int f = 0; f < Factor.COUNT; f++) {
        perFactor[model][f] = ece(count, correct, conf, f * NUM_BINS);
      }
      int base = Factor.COUNT * NUM_BINS;
      overall[model] = ece(count, correct, conf, base);
      binCount[model] = new int[NUM_BINS];
      binConf[model] = new double[NUM_BINS];
      binAcc[model] = new double[NUM_BINS];
      for (int b = 0; b < NUM_BINS; b++) {
        long c = count[base + b];
        binCount[model][b] = (int) c;
        binConf[model][b] = c == 0 ? Double.NaN : conf[base + b] / c;
        binAcc[model][b] = c == 0 ? Double.NaN : (double) correct[base + b] / c;
      }
    }
    return new Calibration(
        selection,
        type,
        new ArrayList<>(zoo.models()),
        overall,
        perFactor,
        binCount,
        binConf,
        binAcc);
  }

  /**
   * @param confidence in [0, 1]
   * @return bin {@code b} (0-based) with {@code b/15 < confidence ≤ (b+1)/15}; 0 for confidence 0
   */
  static int bin(double confidence) {
    int b = (int) Math.ceil(confidence * NUM_BINS) - 1;
    return Math.max(0, Math.min(NUM_BINS - 1, b));
  }

  private static double ece(long[] count, long[] correct, double[] conf, int base) {
    long n = 0;
    for (int b = 0; b < NUM_BINS; b++) {
      n += count[base + b];
    }
    if (n == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int b = 0; b < NUM_BINS; b++) {
      long c = count[base + b];
      if (c > 0) {
        sum += Math.abs((double) correct[base + b] / c - conf[base + b] / c) * c / n;
      }
    }
    return sum;
  }
}
