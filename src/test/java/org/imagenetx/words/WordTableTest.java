package org.imagenetx.words;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.ImageTexts;
import org.imagenetx.testing.PlainRelease;
import org.imagenetx.testing.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.roaringbitmap.RoaringBitmap;

/** Word tables: a hand-computed case, and a plain-loop recomputation on the real release. */
class WordTableTest {
  @Test
  void handComputedOneWordTable() {
    ImageTexts texts =
        ImageTexts.of(
            new String[10],
            new String[] {
              "grass",
              "Grass ",
              "top view",
              null,
              "grass",
              "top  view",
              "top view",
              "Top View",
              "sky",
              "grass"
            });
    WordTable t =
        WordTable.of(
            WordIndex.of(texts),
            TermKind.ONE_WORD,
            RoaringBitmap.bitmapOf(0, 1, 2, 3),
            RoaringBitmap.bitmapOf(4, 5, 6, 7, 8),
            1);
    assertThat(t.numMistakes()).isEqualTo(3); // image 3 has no one_word
    assertThat(t.numCorrect()).isEqualTo(5);
    assertThat(t.numTested()).isEqualTo(3);
    WordRow grass = t.rows().get(0);
    assertThat(grass.term()).isEqualTo("grass");
    assertThat(grass.mistakes()).isEqualTo(2);
    assertThat(grass.correct()).isEqualTo(1);
    assertThat(grass.lift()).isEqualTo((2.0 / 3) / (1.0 / 5));
    assertThat(grass.p()).isCloseTo(13.0 / 28, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(t.rows()).extracting(WordRow::term).containsExactly("grass", "top view", "sky");
    assertThat(t.rows().get(1).lift()).isEqualTo((1.0 / 3) / (3.0 / 5));
    assertThat(t.rows().get(2).lift()).isZero();
    assertThat(t.rows()).extracting(WordRow::q).containsOnly(1.0);
    assertThat(t.overRepresented()).extracting(WordRow::term).containsExactly("grass");
    assertThat(
            WordTable.of(
                    WordIndex.of(texts),
                    TermKind.ONE_WORD,
                    RoaringBitmap.bitmapOf(0, 1, 2, 3),
                    RoaringBitmap.bitmapOf(4, 5, 6, 7, 8),
                    3)
                .rows())
        .extracting(WordRow::term)
        .containsExactly("grass", "top view");
  }

  @Test
  void justificationTablesCountDistinctTokensAndSkipStopWords() {
    ImageTexts texts =
        ImageTexts.of(
            new String[] {"the grass, the GRASS", "green grass", "a dog", "green field", "the dog"},
            new String[5]);
    WordTable t =
        WordTable.of(
            WordIndex.of(texts),
            TermKind.JUSTIFICATION,
            RoaringBitmap.bitmapOf(0, 1),
            RoaringBitmap.bitmapOf(2, 3, 4),
            2);
    Map<String, int[]> counts = new HashMap<>();
    for (WordRow r : t.rows()) {
      counts.put(r.term(), new int[] {r.mistakes(), r.correct()});
    }
    assertThat(counts.keySet()).containsExactlyInAnyOrder("grass", "green", "dog");
    assertThat(counts.get("grass")).containsExactly(2, 0);
    assertThat(counts.get("green")).containsExactly(1, 1);
    assertThat(counts.get("dog")).containsExactly(0, 2);
    assertThat(t.rows().get(0).lift()).isInfinite();
  }

  @Test
  void refusesOverlappingSets() {
    WordIndex w = WordIndex.of(ImageTexts.of(new String[3], new String[] {"a", "b", "c"}));
    assertThatThrownBy(
            () ->
                WordTable.of(
                    w,
                    TermKind.ONE_WORD,
                    RoaringBitmap.bitmapOf(0, 1),
                    RoaringBitmap.bitmapOf(1),
                    1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("disjoint");
  }

  /**
   * ViT's mistakes and correct answers on top-factor {@code pose} images, from a plain loop over
   * the annotation jsonl and the prediction CSV: every tested term's counts, lift, p and q.
   */
  @ParameterizedTest
  @EnumSource(TermKind.class)
  void realTableEqualsAPlainLoop(TermKind kind) {
    Dataset val = RealData.val();
    Map<String, PlainRelease.Annotation> top = PlainRelease.val("top");
    Map<String, PlainRelease.Annotation> multi = PlainRelease.val("multi");
    Set<String> prototypes = PlainRelease.prototypes();
    Map<String, PlainRelease.Prediction> vit = PlainRelease.predictions("ViT");
    Map<String, int[]> counts = new HashMap<>();
    int numA = 0;
    int numB = 0;
    RoaringBitmap mistakes = new RoaringBitmap();
    RoaringBitmap correct = new RoaringBitmap();
    for (PlainRelease.Annotation a : top.values()) {
      if (prototypes.contains(a.fileName()) || a.factors().get("pose") != 1) {
        continue;
      }
      boolean wrong = vit.get(a.fileName()).classId() != a.classId();
      int d = val.index().lookup(a.fileName());
      (wrong ? mistakes : correct).add(d);
      String text =
          kind == TermKind.ONE_WORD
              ? multi.get(a.fileName()).oneWord()
              : multi.get(a.fileName()).justification();
      if (text == null) {
        continue;
      }
      if (wrong) {
        numA++;
      } else {
        numB++;
      }
      Set<String> terms = new HashSet<>();
      if (kind == TermKind.ONE_WORD) {
        terms.add(String.join(" ", text.trim().toLowerCase(java.util.Locale.ROOT).split("\\s+")));
      } else {
        for (String tok : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
          if (!tok.isEmpty()) {
            terms.add(tok);
          }
        }
      }
      for (String term : terms) {
        counts.computeIfAbsent(term, k -> new int[2])[wrong ? 0 : 1]++;
      }
    }
    WordTable t = WordTable.of(WordIndex.of(val), kind, mistakes, correct, 10);
    assertThat(t.numMistakes()).isEqualTo(numA);
    assertThat(t.numCorrect()).isEqualTo(numB);
    List<String> expectedTerms = new ArrayList<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] c = e.getValue();
      if (c[0] + c[1] >= 10
          && !(kind == TermKind.JUSTIFICATION && WordIndex.isStopWord(e.getKey()))) {
        expectedTerms.add(e.getKey());
      }
    }
    assertThat(t.rows())
        .extracting(WordRow::term)
        .containsExactlyInAnyOrderElementsOf(expectedTerms);
    // naive Benjamini–Hochberg over the plain p-values
    int m = expectedTerms.size();
    double[] p = new double[m];
    for (int i = 0; i < m; i++) {
      int[] c = counts.get(expectedTerms.get(i));
      p[i] = FisherExact.twoSided(c[0], numA - c[0], c[1], numB - c[1]);
    }
    Map<String, Double> q = new HashMap<>();
    for (int i = 0; i < m; i++) {
      double best = 1;
      for (int j = 0; j < m; j++) {
        if (p[j] >= p[i]) {
          int rank = 0;
          for (int k = 0; k < m; k++) {
            if (p[k] <= p[j]) {
              rank++;
            }
          }
          best = Math.min(best, p[j] * m / rank);
        }
      }
      q.put(expectedTerms.get(i), best);
    }
    double previousP = 0;
    for (WordRow r : t.rows()) {
      int[] c = counts.get(r.term());
      assertThat(r.mistakes()).as(r.term()).isEqualTo(c[0]);
      assertThat(r.correct()).as(r.term()).isEqualTo(c[1]);
      assertThat(r.lift()).isEqualTo(((double) c[0] / numA) / ((double) c[1] / numB));
      assertThat(r.p()).isEqualTo(FisherExact.twoSided(c[0], numA - c[0], c[1], numB - c[1]));
      assertThat(r.q())
          .as(r.term())
          .isCloseTo(q.get(r.term()), org.assertj.core.data.Offset.offset(1e-15));
      assertThat(r.p()).isGreaterThanOrEqualTo(previousP);
      previousP = r.p();
    }
    assertThat(t.overRepresented()).isNotEmpty();
  }
}
