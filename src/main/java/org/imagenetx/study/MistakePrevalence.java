package org.imagenetx.study;

import java.util.ArrayList;
import java.util.List;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.zoo.Zoo;

/**
 * Per model, how factor prevalence among its mistakes shifts from prevalence among all the images
 * it was evaluated on: {@code shift(f) = (mistakes with f / mistakes) / (images with f / images) −
 * 1}, over the evaluated images the model predicted (the upstream inner join).
 *
 * <p>Algebraically {@code shift(f) = ER_f − 1}, the error ratio minus one, on the same images; the
 * tests check this identity against the engine's tables. It is kept as its own table because the
 * study plots it as "where the mistakes are", per model.
 *
 * @param selection multi or top
 * @param type what counts as a mistake
 * @param models model names
 * @param numImages per model, evaluated images it predicted
 * @param numMistakes per model, of those, the mistakes
 * @param factorImages {@code [model][factor]} images with the factor
 * @param factorMistakes {@code [model][factor]} mistakes with the factor
 */
public record MistakePrevalence(
    FactorSelection selection,
    ErrorType type,
    List<String> models,
    int[] numImages,
    int[] numMistakes,
    int[][] factorImages,
    int[][] factorMistakes) {

  /**
   * @param dataset annotations
   * @param selection multi or top
   * @param type the error type
   * @param zoo predictions
   * @return the counts for every model of the zoo
   */
  public static MistakePrevalence compute(
      Dataset dataset, FactorSelection selection, ErrorType type, Zoo zoo) {
    PerImage.check(dataset, type);
    int[] masks = PerImage.masks(dataset.factors(selection));
    byte[] metaOfClass = dataset.metaclasses().table();
    int m = zoo.size();
    short[] pred = new short[zoo.numImages()];
    int[] images = new int[m];
    int[] mistakes = new int[m];
    int[][] fImages = new int[m][Factor.COUNT];
    int[][] fMistakes = new int[m][Factor.COUNT];
    for (int model = 0; model < m; model++) {
      zoo.readClasses(model, pred);
      for (int i = 0; i < masks.length; i++) {
        int mask = masks[i];
        if ((mask & PerImage.EVALUATED) == 0 || pred[i] < 0) {
          continue;
        }
        boolean wrong = !PerImage.correct(dataset, metaOfClass, type, i, pred[i]);
        images[model]++;
        if (wrong) {
          mistakes[model]++;
        }
        for (int f = 0; f < Factor.COUNT; f++) {
          if ((mask & (1 << f)) != 0) {
            fImages[model][f]++;
            if (wrong) {
              fMistakes[model][f]++;
            }
          }
        }
      }
    }
    return new MistakePrevalence(
        selection, type, new ArrayList<>(zoo.models()), images, mistakes, fImages, fMistakes);
  }

  /**
   * @param model model position
   * @param factor a factor
   * @return prevalence among the model's mistakes divided by prevalence among its images, minus one
   */
  public double shift(int model, Factor factor) {
    int f = factor.ordinal();
    double amongMistakes = (double) factorMistakes[model][f] / numMistakes[model];
    double amongAll = (double) factorImages[model][f] / numImages[model];
    return amongMistakes / amongAll - 1;
  }
}
