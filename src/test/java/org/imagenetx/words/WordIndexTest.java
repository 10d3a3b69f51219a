package org.imagenetx.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.ImageTexts;
import org.imagenetx.testing.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roaringbitmap.RoaringBitmap;

/** Normalisation, tokens, and phrase look-ups against plain loops. */
class WordIndexTest {
  @Test
  void normalisesCaseAndWhitespaceOnly() {
    assertThat(WordIndex.normalize("  Top \t View\n")).isEqualTo("top view");
    assertThat(WordIndex.normalize("Close-Up")).isEqualTo("close-up");
    assertThat(WordIndex.normalize("Kromfohrländer")).isEqualTo("kromfohrländer");
    assertThat(WordIndex.normalize("a\u00a0b")).isEqualTo("a b");
    assertThat(WordIndex.normalize(" \t")).isNull();
    assertThat(WordIndex.normalize(null)).isNull();
  }

  @Test
  void tokensAreRunsOfLettersAndDigits() {
    assertThat(WordIndex.tokens("close up of a pan fried sea bass. "))
        .containsExactly("close", "up", "of", "a", "pan", "fried", "sea", "bass");
    assertThat(WordIndex.tokens("low angle view image of François' langur"))
        .containsExactly("low", "angle", "view", "image", "of", "françois", "langur");
    assertThat(WordIndex.tokens("Sepia-image,of 2 TIGERS!"))
        .containsExactly("sepia", "image", "of", "2", "tigers");
    assertThat(WordIndex.tokens(" .. ")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"the,true", "a,true", "x,true", "with,true", "sepia,false", "up,false", "2,true"})
  void stopWords(String token, boolean stop) {
    assertThat(WordIndex.isStopWord(token)).isEqualTo(stop);
  }

  @Test
  void phrasesMatchOnWordBoundaries() {
    ImageTexts texts =
        ImageTexts.of(
            new String[] {
              "Sepia image, of a tiger", "a sepia-image", "sepias", null, "image sepia", "x"
            },
            new String[] {
              "Top  view", "laptop view", "top view of a dog", "TOP VIEW", null, "top"
            });
    WordIndex w = WordIndex.of(texts);
    assertThat(w.containing(TermKind.ONE_WORD, "top view"))
        .isEqualTo(RoaringBitmap.bitmapOf(0, 2, 3));
    assertThat(w.containing(TermKind.ONE_WORD, " TOP "))
        .isEqualTo(RoaringBitmap.bitmapOf(0, 2, 3, 5));
    assertThat(w.containing(TermKind.ONE_WORD, "view of")).isEqualTo(RoaringBitmap.bitmapOf(2));
    assertThat(w.containing(TermKind.ONE_WORD, "lap")).isEmpty();
    assertThat(w.containing(TermKind.JUSTIFICATION, "Sepia image"))
        .isEqualTo(RoaringBitmap.bitmapOf(0, 1));
    assertThat(w.containing(TermKind.JUSTIFICATION, "sepia"))
        .isEqualTo(RoaringBitmap.bitmapOf(0, 1, 4));
    assertThat(w.containing(TermKind.JUSTIFICATION, "image sepia"))
        .isEqualTo(RoaringBitmap.bitmapOf(4));
    assertThat(w.containing(TermKind.JUSTIFICATION, "tiger image")).isEmpty();
    assertThat(w.containing(TermKind.JUSTIFICATION, "...")).isEmpty();
    assertThat(w.withText(TermKind.ONE_WORD)).isEqualTo(RoaringBitmap.bitmapOf(0, 1, 2, 3, 5));
    assertThat(w.withText(TermKind.JUSTIFICATION)).isEqualTo(RoaringBitmap.bitmapOf(0, 1, 2, 4, 5));
    assertThat(w.terms(TermKind.ONE_WORD))
        .containsExactly("laptop view", "top", "top view", "top view of a dog");
  }

  @Test
  void realLookupsEqualAPlainScanOfTheTexts() {
    Dataset val = RealData.val();
    WordIndex w = WordIndex.of(val);
    assertThat(WordIndex.of(val)).isSameAs(w);
    ImageTexts texts = val.texts();
    for (String phrase : List.of("top view", "close up", "grass", "facing left", "view")) {
      RoaringBitmap expected = new RoaringBitmap();
      for (int d = 0; d < texts.size(); d++) {
        String t = texts.oneWord(d);
        if (t != null
            && (" "
                    + String.join(" ", t.toLowerCase(java.util.Locale.ROOT).trim().split("\\s+"))
                    + " ")
                .contains(" " + phrase + " ")) {
          expected.add(d);
        }
      }
      assertThat(w.containing(TermKind.ONE_WORD, phrase)).as(phrase).isEqualTo(expected);
      assertThat(expected.getCardinality()).isPositive();
    }
    for (String phrase : List.of("sepia", "consommé", "on the grass", "kromfohrländer")) {
      RoaringBitmap expected = new RoaringBitmap();
      for (int d = 0; d < texts.size(); d++) {
        String t = texts.justification(d);
        if (t != null
            && (" "
                    + String.join(
                            " ", t.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{Nd}]+"))
                        .trim()
                    + " ")
                .replaceAll(" +", " ")
                .contains(" " + phrase + " ")) {
          expected.add(d);
        }
      }
      assertThat(w.containing(TermKind.JUSTIFICATION, phrase)).as(phrase).isEqualTo(expected);
      assertThat(expected.getCardinality()).isPositive();
    }
  }
}
