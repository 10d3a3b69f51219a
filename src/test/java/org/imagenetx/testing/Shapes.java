package org.imagenetx.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Shaped random inputs for property tests (STYLE 19): densities from empty to full, sizes at word,
 * container and chunk boundaries, and clustered as well as scattered bits. Every case carries its
 * seed so a failure names how to replay it.
 */
public final class Shapes {
  /** Densities swept by every property. */
  public static final double[] DENSITIES = {0, .01, .1, .5, .9, .99, 1};

  /** Sizes swept by every property: tiny, word edges, Roaring container and chunk edges. */
  public static final int[] SIZES = {
    0, 1, 2, 3, 5, 7, 9, 63, 64, 65, 127, 128, 129, 4095, 4096, 4097, 65535, 65536, 65537
  };

  private Shapes() {}

  /** Number of random seeds per shape; {@code -Dnightly=true} multiplies it by 20. */
  public static int seedsPerShape() {
    return Boolean.getBoolean("nightly") ? 40 : 2;
  }

  /**
   * One case: a size, a density, a layout and a seed.
   *
   * @param size number of bits
   * @param density fraction of set bits
   * @param clustered runs of set bits instead of scattered ones
   * @param seed the seed
   */
  public record Case(int size, double density, boolean clustered, long seed) {
    @Override
    public String toString() {
      return "size="
          + size
          + " density="
          + density
          + (clustered ? " clustered" : " scattered")
          + " seed="
          + seed;
    }

    /**
     * @return a new random stream for this case
     */
    public SplittableRandom random() {
      return new SplittableRandom(seed);
    }

    /**
     * @param rnd random stream
     * @return bits with this case's size, density and layout
     */
    public boolean[] bits(SplittableRandom rnd) {
      boolean[] b = new boolean[size];
      if (clustered) {
        int i = 0;
        while (i < size) {
          int run = 1 + rnd.nextInt(200);
          boolean on = rnd.nextDouble() < density;
          for (int k = 0; k < run && i < size; k++, i++) {
            b[i] = on;
          }
        }
      } else {
        for (int i = 0; i < size; i++) {
          b[i] = rnd.nextDouble() < density;
        }
      }
      return b;
    }
  }

  /**
   * @return every (size, density, layout, seed) case
   */
  public static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    long seed = 1;
    for (int size : SIZES) {
      for (double d : DENSITIES) {
        for (boolean clustered : new boolean[] {false, true}) {
          for (int s = 0; s < seedsPerShape(); s++) {
            out.add(new Case(size, d, clustered, seed++ * 0x9E3779B97F4A7C15L));
          }
        }
      }
    }
    return out;
  }

  /**
   * @param b bits
   * @return words with ghost bits clear
   */
  public static long[] words(boolean[] b) {
    long[] w = new long[(b.length + 63) >>> 6];
    for (int i = 0; i < b.length; i++) {
      if (b[i]) {
        w[i >>> 6] |= 1L << i;
      }
    }
    return w;
  }
}
