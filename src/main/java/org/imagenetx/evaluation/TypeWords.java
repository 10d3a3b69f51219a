package org.imagenetx.evaluation;

import java.util.Arrays;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Derived;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.bits.Correctness;
import org.imagenetx.bits.Lanes;
import org.imagenetx.bits.Words;

/**
 * One model's correctness words under each error type, from its packed class ids ({@link Lanes}):
 * the {@code class} words by one SWAR pass, the {@code metaclass} and {@code real_class} words
 * derived from them by one walk over the wrong predictions ({@link
 * Correctness#metaclassAndRealFromClassPacked}). Holds the per-dataset tables those kernels read,
 * built once: the packed labels, the metaclass of every 16-bit lane value, and the ReaL sets split
 * into "holds the label", "one other label" and the rare rest.
 *
 * <p>Built once per dataset ({@link #of}) and exact inside the evaluated images of every loaded
 * factor selection; immutable and shared by every thread's {@link Evaluator} and {@link
 * CorrectWords}. The caller owns the output words.
 */
public final class TypeWords {
  /**
   * {@link #realOther} where an image has no other ReaL label: no 16-bit id (0..999, 0xFFFF) is it.
   */
  private static final char NO_OTHER = 0xFFFE;

  private final Dataset dataset;
  private final int n;
  private final long[] within;
  private final long[] labelsPacked;
  private final byte[] metaclassOfLane;
  private final long[] labelInReal;
  private final char[] realOther;
  private final int[] realMore;

  private TypeWords(Dataset dataset, long[] within) {
    this.dataset = dataset;
    this.n = dataset.index().size();
    this.within = within;
    int numWords = Words.numWords(n);
    short[] labels = dataset.index().labels();
    labelsPacked = new long[Lanes.numLongs(n)];
    Lanes.pack(labels, n, labelsPacked);
    byte[] meta = dataset.metaclasses().table();
    metaclassOfLane = new byte[1 << 16];
    Arrays.fill(metaclassOfLane, (byte) -1);
    System.arraycopy(meta, 0, metaclassOfLane, 0, meta.length);
    if (!dataset.hasReal()) {
      labelInReal = null;
      realOther = null;
      realMore = null;
      return;
    }
    int[] offsets = dataset.realOffsets();
    short[] values = dataset.realLabels();
    labelInReal = new long[numWords];
    realOther = new char[n];
    Arrays.fill(realOther, NO_OTHER);
    IntArrayList more = new IntArrayList();
    for (int i = 0; i < n; i++) {
      int others = 0;
      for (int e = offsets[i]; e < offsets[i + 1]; e++) {
        if (values[e] == labels[i]) {
          labelInReal[i >>> 6] |= 1L << i;
        } else if (others++ == 0) {
          realOther[i] = (char) values[e];
        }
      }
      if (others > 1 && (within[i >>> 6] & (1L << i)) != 0) {
        more.add(i);
      }
    }
    realMore = more.toArray();
  }

  /** The dataset's tables, built once and owned by the dataset ({@link Dataset#derived}). */
  private static final Derived<TypeWords> DERIVED = Derived.of("type words", TypeWords::build);

  /**
   * @param dataset the annotations
   * @return the dataset's tables, exact inside the union of its selections' evaluated images (built
   *     on first use, ~2 ms, then kept by the dataset)
   */
  public static TypeWords of(Dataset dataset) {
    return dataset.derived(DERIVED);
  }

  private static TypeWords build(Dataset d) {
    long[] within = new long[Words.numWords(d.index().size())];
    for (FactorSelection s : d.selections()) {
      long[] eval = d.factors(s).words()[Factor.COUNT];
      for (int w = 0; w < within.length; w++) {
        within[w] |= eval[w];
      }
    }
    return new TypeWords(d, within);
  }

  /**
   * @param pred packed predicted ids, {@link Lanes#numLongs} longs
   * @param out class correctness words, overwritten
   */
  public void classWords(long[] pred, long[] out) {
    Correctness.classCorrectPacked(pred, labelsPacked, n, out);
  }

  /**
   * Derives the {@code metaclass} and/or {@code real_class} words from the class words, exact
   * inside {@code within}; one walk serves both when both are asked for.
   *
   * @param classWords class correctness words of {@code pred}
   * @param pred packed predicted ids
   * @param metaclass derive the metaclass words
   * @param real derive the real_class words (needs ReaL labels)
   * @param metaOut metaclass words, overwritten when derived (also used as scratch by {@code real})
   * @param realOut real_class words, overwritten when derived
   */
  public void derive(
      long[] classWords,
      long[] pred,
      boolean metaclass,
      boolean real,
      long[] metaOut,
      long[] realOut) {
    int numWords = Words.numWords(n);
    if (real) {
      if (labelInReal == null) {
        throw new IllegalStateException("ReaL labels are not loaded");
      }
      Correctness.metaclassAndRealFromClassPacked(
          classWords,
          within,
          pred,
          dataset.index().metaclassOfImage(),
          metaclassOfLane,
          labelInReal,
          realOther,
          realMore,
          realMore.length,
          dataset.realOffsets(),
          dataset.realLabels(),
          numWords,
          metaOut,
          realOut);
    } else if (metaclass) {
      Correctness.metaclassFromClassPacked(
          classWords,
          within,
          pred,
          dataset.index().metaclassOfImage(),
          metaclassOfLane,
          numWords,
          metaOut);
    }
  }
}
