package org.imagenetx.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.testing.PlainRelease;
import org.imagenetx.testing.RealData;
import org.imagenetx.testing.Shapes;
import org.imagenetx.zoo.Zoos;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * Random expressions (seeded) over every kind of atom, evaluated by the bitmap algebra and by a
 * per-image predicate over plainly read files (jsonl, prediction CSVs, ReaL jsonl): the same
 * images.
 */
class ImageSetsOracleTest {
  static final List<String> MODELS = List.of("DINO", "ResNet50", "SimCLR", "ViT");
  static final List<String> WORDS =
      List.of("top view", "grass", "close up", "facing left", "white");
  static final List<String> TOKENS = List.of("sepia", "grass", "dog", "on the grass", "water");

  static ImageSets sets;
  static int n;
  static boolean[] universe;
  static int[] label;
  static int[] topMask;
  static int[] multiMask;
  static List<List<Integer>> realByImage;
  static int[][] predicted;
  static String[] oneWord;
  static String[] justification;
  static Metaclasses metaclasses;

  /** A test-side expression: its text and its meaning per image position. */
  record Node(String text, IntPredicate holds, boolean compound) {}

  @BeforeAll
  static void read() {
    Dataset val = RealData.val();
    sets = ImageSets.of(val, Zoos.base(val.index()), FactorSelection.TOP, ErrorType.CLASS);
    ImageIndex index = val.index();
    metaclasses = val.metaclasses();
    n = index.size();
    universe = new boolean[n];
    label = new int[n];
    topMask = new int[n];
    multiMask = new int[n];
    oneWord = new String[n];
    justification = new String[n];
    Set<String> prototypes = PlainRelease.prototypes();
    Map<String, PlainRelease.Annotation> top = PlainRelease.val("top");
    Map<String, PlainRelease.Annotation> multi = PlainRelease.val("multi");
    List<List<Integer>> real = PlainRelease.real();
    realByImage = new java.util.ArrayList<>();
    predicted = new int[MODELS.size()][n];
    List<Map<String, PlainRelease.Prediction>> preds = new java.util.ArrayList<>();
    for (String m : MODELS) {
      preds.add(PlainRelease.predictions(m));
    }
    for (int d = 0; d < n; d++) {
      String name = index.fileName(d);
      PlainRelease.Annotation t = top.get(name);
      PlainRelease.Annotation mu = multi.get(name);
      universe[d] = t != null && !prototypes.contains(name);
      label[d] = index.label(d);
      for (Factor f : Factor.values()) {
        if (t != null && t.factors().get(f.column()) == 1) {
          topMask[d] |= 1 << f.ordinal();
        }
        if (mu != null && mu.factors().get(f.column()) == 1) {
          multiMask[d] |= 1 << f.ordinal();
        }
      }
      if (t != null) {
        assertThat(t.classId()).isEqualTo(label[d]);
        // texts padded with spaces, words joined by one: phrases match on word boundaries
        String w = mu.oneWord();
        String j = mu.justification();
        oneWord[d] =
            w == null
                ? null
                : " " + String.join(" ", w.trim().toLowerCase(Locale.ROOT).split("\\s+")) + " ";
        justification[d] =
            j == null
                ? null
                : (" "
                        + String.join(" ", j.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+"))
                        + " ")
                    .replaceAll(" +", " ");
      }
      realByImage.add(real.get(ImageIndex.valNumber(name) - 1));
      for (int m = 0; m < MODELS.size(); m++) {
        predicted[m][d] = preds.get(m).get(name).classId();
      }
    }
  }

  @Test
  void randomExpressionsEqualAPerImagePredicate() {
    SplittableRandom rnd = new SplittableRandom(16);
    int cases = 150 * Shapes.seedsPerShape();
    for (int i = 0; i < cases; i++) {
      Node e = node(rnd, 3);
      RoaringBitmap expected = new RoaringBitmap();
      for (int d = 0; d < n; d++) {
        if (universe[d] && e.holds().test(d)) {
          expected.add(d);
        }
      }
      ImageSet got = sets.evaluate(e.text());
      assertThat(got.images()).as(e.text()).isEqualTo(expected);
      assertThat(sets.count(e.text())).isEqualTo(expected.getCardinality());
    }
  }

  @Test
  void everyAtomKindSelectsSomeButNotAllImages() {
    for (String atom :
        List.of(
            "texture",
            "multi:texture",
            "class:tench",
            "metaclass:dog",
            "real:agrees",
            "real:disagrees",
            "real:empty",
            "real:multiple",
            "wrong:ViT",
            "right:ViT@metaclass",
            "wrong:ViT@real_class",
            "word:\"top view\"",
            "justification:sepia")) {
      int c = sets.count(atom);
      assertThat(c).as(atom).isPositive().isLessThan(sets.universe().getCardinality());
    }
    assertThat(sets.count("all")).isEqualTo(46_110);
    assertThat(sets.count("wrong:ViT or right:ViT")).isEqualTo(46_110);
    assertThat(sets.count("real:agrees or real:disagrees or real:empty")).isEqualTo(46_110);
  }

  private static Node node(SplittableRandom rnd, int depth) {
    int k = depth == 0 ? 0 : rnd.nextInt(6);
    switch (k) {
      case 1:
      case 2:
        {
          Node a = node(rnd, depth - 1);
          Node b = node(rnd, depth - 1);
          boolean and = k == 1;
          return new Node(
              "(" + a.text() + (and ? ") and (" : ") or (") + b.text() + ")",
              and
                  ? d -> a.holds().test(d) && b.holds().test(d)
                  : d -> a.holds().test(d) || b.holds().test(d),
              true);
        }
      case 3:
        {
          Node a = node(rnd, depth - 1);
          return new Node(
              "not " + (a.compound() ? "(" + a.text() + ")" : a.text()),
              d -> !a.holds().test(d),
              true);
        }
      default:
        return atom(rnd);
    }
  }

  private static Node atom(SplittableRandom rnd) {
    switch (rnd.nextInt(9)) {
      case 0:
        {
          Factor f = Factor.of(rnd.nextInt(Factor.COUNT));
          return new Node(f.column(), d -> (topMask[d] & (1 << f.ordinal())) != 0, false);
        }
      case 1:
        {
          Factor f = Factor.of(rnd.nextInt(Factor.COUNT));
          return new Node(
              "multi:" + f.column(), d -> (multiMask[d] & (1 << f.ordinal())) != 0, false);
        }
      case 2:
        {
          int c = rnd.nextInt(1000);
          return new Node("class:" + c, d -> label[d] == c, false);
        }
      case 3:
        {
          int m = rnd.nextInt(Metaclasses.COUNT);
          return new Node(
              "metaclass:" + Metaclasses.NAMES.get(m), d -> metaclasses.of(label[d]) == m, false);
        }
      case 4:
        {
          RealAgreement r = RealAgreement.values()[rnd.nextInt(4)];
          return new Node("real:" + r.key(), d -> real(r, d), false);
        }
      case 5:
      case 6:
        {
          int m = rnd.nextInt(MODELS.size());
          boolean wrong = rnd.nextBoolean();
          int t = rnd.nextInt(4); // 3 = the session's default
          ErrorType type = t == 3 ? ErrorType.CLASS : ErrorType.values()[t];
          String text =
              (wrong ? "wrong:" : "right:") + MODELS.get(m) + (t == 3 ? "" : "@" + type.key());
          return new Node(text, d -> correct(m, type, d) != wrong, false);
        }
      case 7:
        {
          String w = WORDS.get(rnd.nextInt(WORDS.size()));
          return new Node(
              "word:\"" + w + "\"",
              d -> oneWord[d] != null && oneWord[d].contains(" " + w + " "),
              false);
        }
      default:
        {
          String w = TOKENS.get(rnd.nextInt(TOKENS.size()));
          return new Node(
              "justification:'" + w + "'",
              d -> justification[d] != null && justification[d].contains(" " + w + " "),
              false);
        }
    }
  }

  private static boolean real(RealAgreement r, int d) {
    List<Integer> set = realByImage.get(d);
    switch (r) {
      case AGREES:
        return set.contains(label[d]);
      case DISAGREES:
        return !set.isEmpty() && !set.contains(label[d]);
      case EMPTY:
        return set.isEmpty();
      default:
        return set.size() > 1;
    }
  }

  private static boolean correct(int m, ErrorType type, int d) {
    int p = predicted[m][d];
    switch (type) {
      case CLASS:
        return p == label[d];
      case METACLASS:
        return metaclasses.of(p) == metaclasses.of(label[d]);
      default:
        return realByImage.get(d).contains(p);
    }
  }
}
