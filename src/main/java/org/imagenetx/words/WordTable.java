package org.imagenetx.words;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.imagenetx.compare.Multiplicity;
import org.roaringbitmap.BatchIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * The annotators' words that set a model's mistakes apart from its correct answers: for every term
 * of one text ({@link TermKind}) seen on at least {@code minSupport} of the images compared, the
 * 2×2 table (mistake or correct) × (text has the term or not), its lift and Fisher's exact test
 * ({@link FisherExact}, two-sided), with Benjamini–Hochberg adjusted p-values over the terms
 * tested.
 *
 * <p>Only images whose text of that kind exists take part (38 annotated validation images have no
 * one_word, 11 no justification); a justification counts each distinct token once. Stop words and
 * one-character tokens are not tested ({@link WordIndex#isStopWord}).
 *
 * @param kind which text
 * @param numMistakes {@code A}: mistaken images with the text
 * @param numCorrect {@code B}: correctly answered images with the text
 * @param minSupport a term is tested when {@code a + b ≥ minSupport}
 * @param rows every tested term, by p ascending, then lift descending, then term (code points)
 */
public record WordTable(
    TermKind kind, int numMistakes, int numCorrect, int minSupport, List<WordRow> rows) {

  /** Images read per batch from a set. */
  private static final int BATCH = 256;

  /** Row order: p ascending, lift descending, term. */
  static final Comparator<WordRow> ORDER =
      Comparator.comparingDouble(WordRow::p)
          .thenComparing(Comparator.comparingDouble(WordRow::lift).reversed())
          .thenComparing(WordRow::term);

  /**
   * @param kind which text
   * @param numMistakes mistaken images with the text
   * @param numCorrect correct images with the text
   * @param minSupport support threshold
   * @param rows tested terms in table order (copied)
   */
  public WordTable {
    rows = List.copyOf(rows);
  }

  /**
   * Builds the table.
   *
   * @param index the texts
   * @param kind which text
   * @param mistakes images answered wrongly (within the image set of interest)
   * @param correct images answered correctly (same image set); disjoint from {@code mistakes}
   * @param minSupport minimum {@code a + b} for a term to be tested (≥ 1)
   * @return the table
   * @throws IllegalArgumentException when the sets overlap or {@code minSupport < 1}
   */
  public static WordTable of(
      WordIndex index,
      TermKind kind,
      RoaringBitmap mistakes,
      RoaringBitmap correct,
      int minSupport) {
    if (minSupport < 1) {
      throw new IllegalArgumentException("minimum support must be at least 1, got " + minSupport);
    }
    if (RoaringBitmap.intersects(mistakes, correct)) {
      throw new IllegalArgumentException("mistakes and correct answers must be disjoint");
    }
    RoaringBitmap withText = index.withText(kind);
    int numTerms = index.numTerms(kind);
    int[] a = new int[numTerms];
    int[] b = new int[numTerms];
    RoaringBitmap m = RoaringBitmap.and(mistakes, withText);
    RoaringBitmap c = RoaringBitmap.and(correct, withText);
    count(index, kind, m, a);
    count(index, kind, c, b);
    int numA = m.getCardinality();
    int numB = c.getCardinality();
    int[] tested = new int[numTerms];
    int numTested = 0;
    for (int t = 0; t < numTerms; t++) {
      if (a[t] + b[t] >= minSupport && !index.skipped(kind, t)) {
        tested[numTested++] = t;
      }
    }
    double[] p = new double[numTested];
    for (int i = 0; i < p.length; i++) {
      int t = tested[i];
      p[i] = FisherExact.twoSided(a[t], numA - a[t], b[t], numB - b[t]);
    }
    double[] q = Multiplicity.benjaminiHochberg(p);
    List<WordRow> rows = new ArrayList<>(p.length);
    for (int i = 0; i < p.length; i++) {
      int t = tested[i];
      double shareA = numA == 0 ? Double.NaN : (double) a[t] / numA;
      double shareB = numB == 0 ? Double.NaN : (double) b[t] / numB;
      rows.add(
          new WordRow(
              index.term(kind, t), a[t], b[t], shareA, shareB, shareA / shareB, p[i], q[i]));
    }
    rows.sort(ORDER);
    return new WordTable(kind, numA, numB, minSupport, rows);
  }

  /**
   * Adds one per (image, term) of the set into {@code counts}: one pass over the set's images,
   * reading term ids from the index's arrays (no allocation per image).
   */
  private static void count(WordIndex index, TermKind kind, RoaringBitmap set, int[] counts) {
    int[] buf = new int[BATCH];
    BatchIterator it = set.getBatchIterator();
    if (kind == TermKind.ONE_WORD) {
      int[] termOf = index.termOfImage();
      while (it.hasNext()) {
        int k = it.nextBatch(buf);
        for (int i = 0; i < k; i++) {
          counts[termOf[buf[i]]]++; // every image of the set has a one_word (set ⊆ withText)
        }
      }
      return;
    }
    int[] offsets = index.tokenOffsets();
    int[] ids = index.tokenIds();
    while (it.hasNext()) {
      int k = it.nextBatch(buf);
      for (int i = 0; i < k; i++) {
        int d = buf[i];
        for (int e = offsets[d], end = offsets[d + 1]; e < end; e++) {
          counts[ids[e]]++;
        }
      }
    }
  }

  /**
   * @return the number of terms tested (the Benjamini–Hochberg family)
   */
  public int numTested() {
    return rows.size();
  }

  /**
   * @return the tested terms with lift above 1 (more frequent among the mistakes), in table order
   */
  public List<WordRow> overRepresented() {
    List<WordRow> out = new ArrayList<>();
    for (WordRow r : rows) {
      if (r.lift() > 1) {
        out.add(r);
      }
    }
    return out;
  }
}
