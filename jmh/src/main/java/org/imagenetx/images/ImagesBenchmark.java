package org.imagenetx.images;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.imagenetx.confusions.ConfusionTable;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.state.ImageSetsState;
import org.imagenetx.words.TermKind;
import org.imagenetx.words.WordIndex;
import org.imagenetx.words.WordTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.roaringbitmap.RoaringBitmap;

/**
 * Issue 16's targets on a 2,200-model store: an image-set count under 5 ms, a 100-row listing under
 * 20 ms, a confusion or word table for one model under 50 ms. Every invocation parses its
 * expression and reads its models from the store (the correctness cache rarely hits, see {@link
 * ImageSetsState}), as a query of the shell or the explorer would.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class ImagesBenchmark {
  /**
   * @param s session
   * @return the size of a random expression's set (parse, evaluate, count)
   */
  @Benchmark
  public int count(ImageSetsState s) {
    return s.sets.count(s.nextExpression());
  }

  /**
   * @param s session
   * @return 100 rows of {@code multi:F and wrong:A} with the predictions of A and another model
   *     (parse and evaluate included)
   */
  @Benchmark
  public ImageListing list100(ImageSetsState s) {
    String a = s.nextModel();
    ImageSet set = s.sets.evaluate("multi:" + s.nextFrequentFactor().column() + " and wrong:" + a);
    return s.sets.list(set, List.of(a, s.nextModel()), 0, 100);
  }

  /**
   * @param s session
   * @return one model's class confusions on a frequent factor's images
   */
  @Benchmark
  public ConfusionTable confusions(ImageSetsState s) {
    ImageSet set = s.sets.evaluate(s.nextFrequentFactor().column());
    return ConfusionTable.of(s.sets, set, s.nextModel(), ErrorType.CLASS, false);
  }

  /**
   * @param s session
   * @return one model's one_word table on a frequent factor's images
   */
  @Benchmark
  public WordTable wordsOneWord(ImageSetsState s) {
    return words(s, TermKind.ONE_WORD);
  }

  /**
   * @param s session
   * @return one model's justification-token table on a frequent factor's images
   */
  @Benchmark
  public WordTable wordsJustification(ImageSetsState s) {
    return words(s, TermKind.JUSTIFICATION);
  }

  private static WordTable words(ImageSetsState s, TermKind kind) {
    ImageSet set = s.sets.evaluate(s.nextFrequentFactor().column());
    int model = s.sets.modelId(s.nextModel());
    return WordTable.of(
        WordIndex.of(s.dataset),
        kind,
        RoaringBitmap.and(set.images(), s.sets.wrong(model, ErrorType.CLASS)),
        RoaringBitmap.and(set.images(), s.sets.right(model, ErrorType.CLASS)),
        10);
  }
}
