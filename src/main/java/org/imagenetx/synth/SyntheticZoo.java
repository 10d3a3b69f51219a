package org.imagenetx.synth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.io.AtomicFiles;
import org.imagenetx.zoo.InMemoryZoo;
import org.imagenetx.zoo.PredictionCsv;
import org.imagenetx.zoo.ZooStoreWriter;
import org.roaringbitmap.RoaringBitmap;

/**
 * Seeded predictions with realistic, factor-dependent error patterns: each model has a base error
 * rate, each factor multiplies the odds of an error by roughly the error ratio seen on real models
 * (with per-model jitter), and a per-image hardness shared by all models correlates their mistakes.
 * Wrong predictions fall in the true metaclass half of the time. Model names start with {@code
 * synthetic_}.
 */
public final class SyntheticZoo {
  /**
   * Roughly the real error ratios of a supervised ResNet-50 (top factors), used as odds factors.
   */
  static final double[] FACTOR_ODDS = {
    0.70, 1.14, 0.77, 1.19, 1.50, 1.74, 1.13, 2.10, 2.39, 1.32, 1.72, 1.92, 2.17, 1.93, 1.17, 1.97
  };

  private SyntheticZoo() {}

  /**
   * @param model model number
   * @return its synthetic name
   */
  public static String modelName(int model) {
    return String.format(Locale.ROOT, "synthetic_model_%04d", model);
  }

  /**
   * Per-image inputs shared by every model: factor masks (multi) and hardness.
   *
   * @internal used by the store writer to generate model by model.
   */
  public static final class Inputs {
    final short[] labels;
    final byte[] metaclassOfImage;
    final byte[] metaclassOfClass;
    final int[] masks;
    final float[] hardness;
    final int[][] classesOfMetaclass;

    /**
     * @param dataset annotations the predictions are for
     * @param seed seed of the per-image hardness
     */
    public Inputs(Dataset dataset, long seed) {
      ImageIndex index = dataset.index();
      int n = index.size();
      labels = index.labels();
      metaclassOfImage = index.metaclassOfImage();
      metaclassOfClass = dataset.metaclasses().table();
      masks = new int[n];
      FactorSelection sel =
          dataset.selections().contains(FactorSelection.MULTI)
              ? FactorSelection.MULTI
              : FactorSelection.TOP;
      FactorSet set = dataset.factors(sel);
      for (int f = 0; f < Factor.COUNT; f++) {
        RoaringBitmap b = set.factor(Factor.of(f));
        int bit = 1 << f;
        b.forEach((int d) -> masks[d] |= bit);
      }
      hardness = new float[n];
      SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
      for (int i = 0; i < n; i++) {
        hardness[i] = (float) gaussian(rnd);
      }
      int numClasses = metaclassOfClass.length;
      int[] counts = new int[Metaclasses.COUNT];
      for (int c = 0; c < numClasses; c++) {
        counts[metaclassOfClass[c]]++;
      }
      classesOfMetaclass = new int[counts.length][];
      for (int m = 0; m < counts.length; m++) {
        classesOfMetaclass[m] = new int[counts[m]];
        counts[m] = 0;
      }
      for (int c = 0; c < numClasses; c++) {
        int m = metaclassOfClass[c];
        classesOfMetaclass[m][counts[m]++] = c;
      }
    }

    /**
     * @return number of images
     */
    public int numImages() {
      return labels.length;
    }
  }

  /**
   * Fills one model's predictions.
   *
   * @param inputs per-image inputs
   * @param seed zoo seed
   * @param model model number (its stream is {@code (seed, model)}, independent of other models)
   * @param classes output, per image position
   * @param probabilities output or null (the classes are the same either way)
   */
  public static void generateModel(
      Inputs inputs, long seed, int model, short[] classes, float[] probabilities) {
    SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + model);
    double baseError = 0.15 + 0.35 * rnd.nextDouble();
    double baseLogit = Math.log(baseError / (1 - baseError));
    double[] logOdds = new double[Factor.COUNT];
    for (int f = 0; f < Factor.COUNT; f++) {
      logOdds[f] = 0.8 * Math.log(FACTOR_ODDS[f]) + 0.15 * gaussian(rnd);
    }
    double hardnessWeight = 0.8 + 0.4 * rnd.nextDouble();
    int n = inputs.numImages();
    int numClasses = inputs.metaclassOfClass.length;
    for (int i = 0; i < n; i++) {
      double logit = baseLogit + hardnessWeight * inputs.hardness[i] - 0.45;
      int mask = inputs.masks[i];
      while (mask != 0) {
        int f = Integer.numberOfTrailingZeros(mask);
        logit += logOdds[f];
        mask &= mask - 1;
      }
      double pError = 1 / (1 + Math.exp(-logit));
      int label = inputs.labels[i];
      boolean wrong = rnd.nextDouble() < pError;
      int pred = label;
      if (wrong) {
        if (rnd.nextBoolean()) {
          int[] same = inputs.classesOfMetaclass[inputs.metaclassOfImage[i]];
          pred = same[rnd.nextInt(same.length)];
        }
        if (pred == label) {
          pred = (label + 1 + rnd.nextInt(numClasses - 1)) % numClasses;
        }
      }
      classes[i] = (short) pred;
      // drawn even when not wanted, so the classes do not depend on whether probabilities are kept
      double u = rnd.nextDouble();
      if (probabilities != null) {
        probabilities[i] = (float) (wrong ? 0.05 + 0.6 * u : 0.45 + 0.55 * Math.sqrt(u));
      }
    }
  }

  /**
   * @param dataset annotations
   * @param numModels how many models
   * @param seed seed
   * @return an in-memory zoo named {@code synthetic}
   */
  public static InMemoryZoo generate(Dataset dataset, int numModels, long seed) {
    Inputs inputs = new Inputs(dataset, seed);
    int n = inputs.numImages();
    List<String> names = new ArrayList<>(numModels);
    short[][] classes = new short[numModels][];
    float[][] probabilities = new float[numModels][];
    for (int m = 0; m < numModels; m++) {
      names.add(modelName(m));
      classes[m] = new short[n];
      probabilities[m] = new float[n];
      generateModel(inputs, seed, m, classes[m], probabilities[m]);
    }
    return new InMemoryZoo(
        "synthetic",
        names,
        classes,
        probabilities,
        true,
        String.format(Locale.ROOT, "synthetic zoo (seed %d, %d models)", seed, numModels));
  }

  /**
   * The models of a synthetic zoo as store sources, each generated when the writer asks for it (so
   * 2,200 models never sit on the heap together). Same predictions as {@link #generate}.
   *
   * @param inputs per-image inputs ({@code new Inputs(dataset, seed)})
   * @param numModels how many models
   * @param seed zoo seed
   * @return sources named {@link #modelName}
   */
  public static List<ZooStoreWriter.Source> sources(Inputs inputs, int numModels, long seed) {
    List<ZooStoreWriter.Source> out = new ArrayList<>(numModels);
    for (int m = 0; m < numModels; m++) {
      int model = m;
      String provenance = String.format(Locale.ROOT, "synthetic (seed %d, model %d)", seed, model);
      out.add(
          new ZooStoreWriter.Source() {
            @Override
            public String name() {
              return modelName(model);
            }

            @Override
            public String provenance() {
              return provenance;
            }

            @Override
            public long inputBytes() {
              return 0;
            }

            @Override
            public int fill(short[] classes, float[] probabilities) {
              generateModel(inputs, seed, model, classes, probabilities);
              return 0;
            }
          });
    }
    return out;
  }

  /**
   * Writes a synthetic zoo as a folder of upstream prediction CSVs ({@code <model>.csv}, rows in
   * file-name order), in parallel, each file atomically.
   *
   * @param dataset annotations the predictions are for
   * @param numModels how many models
   * @param seed zoo seed
   * @param dir target folder (created)
   * @param threads worker threads
   * @param progress called with the number of files written (from worker threads), or null
   */
  public static void writeCsvFolder(
      Dataset dataset, int numModels, long seed, Path dir, int threads, IntConsumer progress) {
    Inputs inputs = new Inputs(dataset, seed);
    ImageIndex index = dataset.index();
    int[] rowOrder = PredictionCsv.fileNameOrder(index);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    int workers = Math.max(1, Math.min(threads, numModels));
    List<Thread> pool = new ArrayList<>();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    for (int w = 0; w < workers; w++) {
      Thread t =
          new Thread(
              () -> {
                short[] classes = new short[index.size()];
                float[] probabilities = new float[index.size()];
                int m;
                try {
                  while (failure.get() == null && (m = next.getAndIncrement()) < numModels) {
                    generateModel(inputs, seed, m, classes, probabilities);
                    byte[] bytes = PredictionCsv.format(index, rowOrder, classes, probabilities);
                    AtomicFiles.write(dir.resolve(modelName(m) + ".csv"), out -> out.write(bytes));
                    int d = done.incrementAndGet();
                    if (progress != null) {
                      progress.accept(d);
                    }
                  }
                } catch (RuntimeException e) {
                  failure.compareAndSet(null, e);
                }
              },
              "imagenetx-synth");
      t.setDaemon(true);
      t.start();
      pool.add(t);
    }
    for (Thread t : pool) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  static double gaussian(SplittableRandom rnd) {
    double u1 = rnd.nextDouble();
    double u2 = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}
