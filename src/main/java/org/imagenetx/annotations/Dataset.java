package org.imagenetx.annotations;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Everything the engine knows about the images of one partition: the dense index (true labels,
 * metaclasses), the factor annotations of each loaded selection, and the ReaL label sets as CSR
 * arrays (offsets + values, in index order).
 */
public final class Dataset {
  private final Partition partition;
  private final ImageIndex index;
  private final Metaclasses metaclasses;
  private final Map<FactorSelection, FactorSet> factorSets;
  private final int[] realOffsets;
  private final short[] realLabels;
  private final int numPrototypesRemoved;
  private final boolean synthetic;
  private final String source;
  private final Once<ClassNames> classNames;
  private final Once<ImageTexts> texts;

  /** Structures derived from this dataset ({@link #derived}), built once each. */
  private final ConcurrentHashMap<Derived<?>, Object> derived = new ConcurrentHashMap<>();

  /**
   * @param partition val or train
   * @param index the image index
   * @param metaclasses class→metaclass mapping
   * @param factorSets the loaded selections
   * @param realOffsets CSR offsets ({@code index.size()+1}), or null without ReaL labels
   * @param realLabels CSR values, or null
   * @param numPrototypesRemoved how many annotated prototype images were filtered out
   * @param synthetic true for generated data (every output says so)
   * @param source where the annotations came from, for reports
   */
  public Dataset(
      Partition partition,
      ImageIndex index,
      Metaclasses metaclasses,
      Map<FactorSelection, FactorSet> factorSets,
      int[] realOffsets,
      short[] realLabels,
      int numPrototypesRemoved,
      boolean synthetic,
      String source) {
    this(
        partition,
        index,
        metaclasses,
        factorSets,
        realOffsets,
        realLabels,
        numPrototypesRemoved,
        synthetic,
        source,
        () -> ClassNames.unknown(metaclasses.numClasses()),
        () -> ImageTexts.none(index.size()));
  }

  /**
   * @param partition val or train
   * @param index the image index
   * @param metaclasses class→metaclass mapping
   * @param factorSets the loaded selections
   * @param realOffsets CSR offsets ({@code index.size()+1}), or null without ReaL labels
   * @param realLabels CSR values, or null
   * @param numPrototypesRemoved how many annotated prototype images were filtered out
   * @param synthetic true for generated data (every output says so)
   * @param source where the annotations came from, for reports
   * @param classNames WordNet ids and labels, read on first use
   * @param texts the annotators' texts, read on first use
   */
  public Dataset(
      Partition partition,
      ImageIndex index,
      Metaclasses metaclasses,
      Map<FactorSelection, FactorSet> factorSets,
      int[] realOffsets,
      short[] realLabels,
      int numPrototypesRemoved,
      boolean synthetic,
      String source,
      Supplier<ClassNames> classNames,
      Supplier<ImageTexts> texts) {
    if ((realOffsets == null) != (realLabels == null)) {
      throw new IllegalArgumentException("ReaL offsets and labels go together");
    }
    if (realOffsets != null && realOffsets.length != index.size() + 1) {
      throw new IllegalArgumentException("ReaL offsets must have index.size()+1 entries");
    }
    this.partition = partition;
    this.index = index;
    this.metaclasses = metaclasses;
    this.factorSets = Collections.unmodifiableMap(new EnumMap<>(factorSets));
    this.realOffsets = realOffsets;
    this.realLabels = realLabels;
    this.numPrototypesRemoved = numPrototypesRemoved;
    this.synthetic = synthetic;
    this.source = source;
    this.classNames = new Once<>(classNames);
    this.texts = new Once<>(texts);
  }

  /**
   * @return WordNet id and human label of every class (read from the source on first use)
   */
  public ClassNames classNames() {
    return classNames.get();
  }

  /**
   * @return the annotators' justification and one-word text per image (read on first use: they are
   *     most of the annotation bytes and most commands never look at them)
   */
  public ImageTexts texts() {
    return texts.get();
  }

  /** A value read from its source on first use, once, then kept. */
  private static final class Once<T> {
    private Supplier<T> source;
    private volatile T value;

    Once(Supplier<T> source) {
      this.source = source;
    }

    T get() {
      T v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            value = v = source.get();
            source = null; // what it held (a snapshot's bytes) can go
          }
        }
      }
      return v;
    }
  }

  /**
   * @return val or train
   */
  public Partition partition() {
    return partition;
  }

  /**
   * @return the dense image index
   */
  public ImageIndex index() {
    return index;
  }

  /**
   * @return class→metaclass mapping
   */
  public Metaclasses metaclasses() {
    return metaclasses;
  }

  /**
   * @return the loaded selections
   */
  public Set<FactorSelection> selections() {
    return factorSets.keySet();
  }

  /**
   * @param selection multi or top
   * @return its factor sets
   * @throws IllegalArgumentException when that selection was not loaded
   */
  public FactorSet factors(FactorSelection selection) {
    FactorSet s = factorSets.get(selection);
    if (s == null) {
      throw new IllegalArgumentException(selection.key() + " factors were not loaded");
    }
    return s;
  }

  /**
   * @return true when ReaL label sets are loaded
   */
  public boolean hasReal() {
    return realOffsets != null;
  }

  /**
   * @return CSR offsets of the ReaL sets (shared; do not modify)
   */
  public int[] realOffsets() {
    return realOffsets;
  }

  /**
   * @return CSR values of the ReaL sets (shared; do not modify)
   */
  public short[] realLabels() {
    return realLabels;
  }

  /**
   * @return number of prototype images removed by the filter (0 when kept)
   */
  public int numPrototypesRemoved() {
    return numPrototypesRemoved;
  }

  /**
   * @return true for generated data
   */
  public boolean synthetic() {
    return synthetic;
  }

  /**
   * @return where the annotations came from
   */
  public String source() {
    return source;
  }

  /**
   * A structure derived from this dataset, built on first use and kept as long as the dataset: the
   * one place the engine keeps per-dataset tables, so a dataset that is no longer referenced is
   * collected with everything derived from it. Built under the dataset's lock (a factory may ask
   * for other derived structures of the same dataset); later calls read without locking.
   *
   * @param key what to derive
   * @param <T> its type
   * @return the structure, the same instance on every call
   */
  @SuppressWarnings("unchecked")
  public <T> T derived(Derived<T> key) {
    Object v = derived.get(key);
    if (v == null) {
      synchronized (derived) {
        v = derived.get(key);
        if (v == null) {
          v = key.build(this);
          derived.put(key, v);
        }
      }
    }
    return (T) v;
  }
}
