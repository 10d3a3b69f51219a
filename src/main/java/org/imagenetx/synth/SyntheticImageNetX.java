package org.imagenetx.synth;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.annotations.Partition;
import org.imagenetx.io.AtomicFiles;
import org.roaringbitmap.RoaringBitmap;

/**
 * A seeded generator of an ImageNet-X-shaped validation set: 1,000 classes in 17 metaclasses with
 * the real class counts, ~97.7% of images annotated, 3 prototypes per class, 1–3 factors per image
 * in {@code multi} drawn with the real prevalences, exactly one of them in {@code top}, and ReaL
 * sets that are sometimes empty or wider than the label. Everything it makes is labelled synthetic.
 *
 * <p>Same seed and sizes, same data, on any machine and thread count.
 */
public final class SyntheticImageNetX {
  /** Real class counts of the 16 kept metaclasses; {@code other} takes the remaining classes. */
  static final int[] METACLASS_CLASS_COUNTS = {
    124, 118, 60, 59, 57, 43, 41, 38, 37, 27, 24, 21, 20, 19, 17, 17
  };

  /** Real prevalence of each factor in the validation multi-factor annotations. */
  static final double[] MULTI_PREVALENCE = {
    0.8702, 0.7685, 0.345, 0.2795, 0.0601, 0.0396, 0.0326, 0.0764, 0.0185, 0.0083, 0.0107, 0.0044,
    0.0022, 0.0129, 0.002, 0.0383
  };

  /** Real prevalence of each factor in the validation top-factor annotations. */
  static final double[] TOP_PREVALENCE = {
    0.329, 0.316, 0.1345, 0.1325, 0.0301, 0.0142, 0.0139, 0.0126, 0.0059, 0.0032, 0.0026, 0.0016,
    0.0012, 0.0009, 0.0009, 0.0008
  };

  private final long seed;
  private final int imagesPerClass;
  private final byte[] metaclassOfClass;
  private final String[] names;
  private final int[] classes;
  private final int[] multiMask;
  private final int[] topFactor;
  private final boolean[] annotated;
  private final boolean[] prototype;
  private final int[][] real;

  private SyntheticImageNetX(long seed, int imagesPerClass) {
    this.seed = seed;
    this.imagesPerClass = imagesPerClass;
    SplittableRandom rnd = new SplittableRandom(seed);
    int numClasses = Metaclasses.NUM_CLASSES;
    int[] perm = permutation(numClasses, rnd);
    metaclassOfClass = new byte[numClasses];
    int at = 0;
    for (int m = 0; m < METACLASS_CLASS_COUNTS.length; m++) {
      for (int k = 0; k < METACLASS_CLASS_COUNTS[m]; k++) {
        metaclassOfClass[perm[at++]] = (byte) m;
      }
    }
    while (at < numClasses) {
      metaclassOfClass[perm[at++]] = (byte) Metaclasses.OTHER;
    }
    int n = numClasses * imagesPerClass;
    int[] order = permutation(n, rnd);
    names = new String[n];
    classes = new int[n];
    multiMask = new int[n];
    topFactor = new int[n];
    annotated = new boolean[n];
    prototype = new boolean[n];
    real = new int[n][];
    int[] prototypesLeft = new int[numClasses];
    Arrays.fill(prototypesLeft, Math.min(3, Math.max(0, imagesPerClass - 2)));
    for (int i = 0; i < n; i++) {
      names[i] = ImageIndex.valFileName(i + 1);
      classes[i] = order[i] % numClasses;
      annotated[i] = rnd.nextDouble() < 0.9774;
      if (annotated[i] && prototypesLeft[classes[i]] > 0) {
        prototype[i] = true;
        prototypesLeft[classes[i]]--;
      }
      int k = 1 + (rnd.nextDouble() < 0.55 ? 1 : 0) + (rnd.nextDouble() < 0.45 ? 1 : 0);
      int mask = 0;
      for (int j = 0; j < k; j++) {
        mask |= 1 << draw(MULTI_PREVALENCE, mask, rnd);
      }
      multiMask[i] = mask;
      topFactor[i] = draw(TOP_PREVALENCE, ~mask & ((1 << Factor.COUNT) - 1), rnd);
      double u = rnd.nextDouble();
      int label = classes[i];
      if (u < 0.06) {
        real[i] = new int[0];
      } else if (u < 0.09) {
        real[i] = new int[] {rnd.nextInt(numClasses)};
      } else if (u < 0.15) {
        real[i] = new int[] {label, rnd.nextInt(numClasses)};
      } else {
        real[i] = new int[] {label};
      }
    }
  }

  /**
   * @param seed random seed
   * @param imagesPerClass images per class (50 gives the real 50,000)
   * @return the generator's data
   */
  public static SyntheticImageNetX generate(long seed, int imagesPerClass) {
    if (imagesPerClass < 1) {
      throw new IllegalArgumentException("need at least one image per class");
    }
    return new SyntheticImageNetX(seed, imagesPerClass);
  }

  /** Draws a factor with weights {@code w}, excluding those in {@code excluded}. */
  private static int draw(double[] w, int excluded, SplittableRandom rnd) {
    double total = 0;
    for (int f = 0; f < w.length; f++) {
      if ((excluded & (1 << f)) == 0) {
        total += w[f];
      }
    }
    double u = rnd.nextDouble() * total;
    int last = 0;
    for (int f = 0; f < w.length; f++) {
      if ((excluded & (1 << f)) == 0) {
        last = f;
        u -= w[f];
        if (u < 0) {
          return f;
        }
      }
    }
    return last;
  }

  static int[] permutation(int n, SplittableRandom rnd) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /**
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * @return number of images
   */
  public int numImages() {
    return names.length;
  }

  /**
   * @param image image number - 1
   * @return true class
   */
  public int label(int image) {
    return classes[image];
  }

  /**
   * @param image image number - 1
   * @return multi-factor bit mask
   */
  public int multiMask(int image) {
    return multiMask[image];
  }

  /**
   * @return the class→metaclass mapping
   */
  public Metaclasses metaclasses() {
    return Metaclasses.of(metaclassOfClass);
  }

  /**
   * @param keepPrototypes keep the prototype images
   * @return the dataset (both selections, ReaL labels), labelled synthetic
   */
  public Dataset dataset(boolean keepPrototypes) {
    Metaclasses meta = metaclasses();
    ImageIndex index = ImageIndex.build(names, classes, meta);
    int n = names.length;
    Map<FactorSelection, FactorSet> sets = new EnumMap<>(FactorSelection.class);
    RoaringBitmap evaluated = new RoaringBitmap();
    RoaringBitmap[] multi = new RoaringBitmap[Factor.COUNT];
    RoaringBitmap[] top = new RoaringBitmap[Factor.COUNT];
    for (int f = 0; f < Factor.COUNT; f++) {
      multi[f] = new RoaringBitmap();
      top[f] = new RoaringBitmap();
    }
    int removed = 0;
    for (int i = 0; i < n; i++) {
      if (!annotated[i]) {
        continue;
      }
      if (prototype[i] && !keepPrototypes) {
        removed++;
        continue;
      }
      int d = index.lookup(names[i]);
      evaluated.add(d);
      for (int f = 0; f < Factor.COUNT; f++) {
        if ((multiMask[i] & (1 << f)) != 0) {
          multi[f].add(d);
        }
      }
      top[topFactor[i]].add(d);
    }
    sets.put(FactorSelection.MULTI, new FactorSet(FactorSelection.MULTI, n, evaluated, multi));
    sets.put(FactorSelection.TOP, new FactorSet(FactorSelection.TOP, n, evaluated, top));
    int[] offsets = new int[n + 1];
    int[][] perDense = new int[n][];
    for (int i = 0; i < n; i++) {
      perDense[index.lookup(names[i])] = real[i];
    }
    for (int d = 0; d < n; d++) {
      offsets[d + 1] = offsets[d] + perDense[d].length;
    }
    short[] values = new short[offsets[n]];
    for (int d = 0; d < n; d++) {
      for (int k = 0; k < perDense[d].length; k++) {
        values[offsets[d] + k] = (short) perDense[d][k];
      }
    }
    return new Dataset(
        Partition.VAL,
        index,
        meta,
        sets,
        offsets,
        values,
        removed,
        true,
        String.format(Locale.ROOT, "synthetic ImageNet-X (seed %d, %d images)", seed, n));
  }

  /**
   * Writes the data as upstream annotation files ({@code filename_label.csv}, the metaclass table,
   * the four... two validation jsonl files, ReaL labels, prototypes), for tests and demos.
   *
   * @param dir target folder
   */
  public void writeAnnotations(Path dir) {
    int n = names.length;
    AtomicFiles.writeText(
        dir.resolve("filename_label.csv"),
        w -> {
          w.write("file_name,label\n");
          for (int i = 0; i < n; i++) {
            w.write(names[i] + "," + classes[i] + "\n");
          }
        });
    AtomicFiles.writeText(
        dir.resolve("imagenet_1k_classes_to_100_metaclasses.csv"),
        w -> {
          w.write("wnid,name,metaclass\n");
          for (int c = 0; c < metaclassOfClass.length; c++) {
            String name =
                metaclassOfClass[c] == Metaclasses.OTHER
                    ? "synthetic_other_" + (c % 7)
                    : Metaclasses.NAMES.get(metaclassOfClass[c]);
            w.write(String.format(Locale.ROOT, "n%08d,%s,%d\n", c, name, metaclassOfClass[c]));
          }
        });
    for (FactorSelection s : FactorSelection.values()) {
      AtomicFiles.writeText(
          dir.resolve("imagenet_x_val_" + s.directory() + ".jsonl"),
          w -> {
            for (int i = 0; i < n; i++) {
              if (annotated[i]) {
                writeAnnotation(
                    w, i, s == FactorSelection.MULTI ? multiMask[i] : 1 << topFactor[i]);
              }
            }
          });
    }
    AtomicFiles.writeText(
        dir.resolve("imagenet_real_labels.jsonl"),
        w -> {
          List<String> lists = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder("[");
            for (int k = 0; k < real[i].length; k++) {
              sb.append(k > 0 ? ", " : "").append(real[i][k]);
            }
            lists.add(sb.append(']').toString());
          }
          w.write("[" + String.join(", ", lists) + "]");
        });
    AtomicFiles.writeText(
        dir.resolve("prototypical_paths.csv"),
        w -> {
          w.write("file_name\n");
          for (int i = 0; i < n; i++) {
            if (prototype[i]) {
              w.write(names[i] + "\n");
            }
          }
        });
  }

  private void writeAnnotation(Writer w, int i, int mask) throws IOException {
    StringBuilder sb = new StringBuilder(400);
    sb.append("{\"file_name\":\"").append(names[i]).append("\",\"class\":").append(classes[i]);
    for (int f = 0; f < Factor.COUNT; f++) {
      sb.append(",\"").append(Factor.of(f).column()).append("\":").append((mask >>> f) & 1);
    }
    sb.append(",\"justification\":\"synthetic\",\"one_word\":\"synthetic\"}\n");
    w.write(sb.toString());
  }
}
