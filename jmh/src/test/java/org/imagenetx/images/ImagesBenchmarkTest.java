package org.imagenetx.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.confusions.ConfusionRow;
import org.imagenetx.confusions.ConfusionTable;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.state.ImageSetsState;
import org.imagenetx.synth.SyntheticZoo;
import org.imagenetx.words.TermKind;
import org.imagenetx.words.WordIndex;
import org.imagenetx.words.WordTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * Runs every images benchmark on the 4-model store and checks each answer against the same question
 * asked of the same models held in memory ({@link SyntheticZoo#generate}, the predictions the store
 * was written from), replaying the state's seeded stream.
 */
class ImagesBenchmarkTest {
  static ImageSetsState state;
  static ImageSetsState replay;
  static ImageSets memory;
  static final ImagesBenchmark BENCH = new ImagesBenchmark();

  @BeforeAll
  static void setUp() {
    state = new ImageSetsState();
    state.models = 4;
    state.setUp();
    replay = new ImageSetsState();
    replay.models = 4;
    replay.setUp();
    memory =
        ImageSets.of(
            state.dataset,
            SyntheticZoo.generate(state.dataset, 4, 42),
            FactorSelection.TOP,
            ErrorType.CLASS);
  }

  @Test
  void countsEqualTheInMemoryZoo() {
    for (int i = 0; i < 60; i++) {
      String e = replay.nextExpression();
      int got = BENCH.count(state);
      assertThat(got).as(e).isEqualTo(memory.count(e));
    }
  }

  @Test
  void listsAHundredRowsOfTheSet() {
    for (int i = 0; i < 5; i++) {
      String a = replay.nextModel();
      Factor f = replay.nextFrequentFactor();
      String b = replay.nextModel();
      ImageListing page = BENCH.list100(state);
      ImageSet expected = memory.evaluate("multi:" + f.column() + " and wrong:" + a);
      assertThat(page.set().images()).isEqualTo(expected.images());
      assertThat(page.models()).containsExactly(a, b);
      assertThat(page.rows()).hasSize(100);
      ImageListing again = memory.list(expected, List.of(a, b), 0, 100);
      assertThat(page.rows()).isEqualTo(again.rows());
      assertThat(page.rows().get(0).predictions().get(0).correct()).isFalse();
    }
  }

  @Test
  void confusionTablesEqualTheInMemoryZoo() {
    for (int i = 0; i < 5; i++) {
      Factor f = replay.nextFrequentFactor();
      String m = replay.nextModel();
      ConfusionTable got = BENCH.confusions(state);
      ConfusionTable expected =
          ConfusionTable.of(memory, memory.evaluate(f.column()), m, ErrorType.CLASS, false);
      assertThat(got).isEqualTo(expected);
      assertThat(got.rows().stream().mapToInt(ConfusionRow::count).sum())
          .isEqualTo(got.numErrors())
          .isPositive();
    }
  }

  @Test
  void wordTablesEqualTheInMemoryZoo() {
    for (TermKind kind : TermKind.values()) {
      for (int i = 0; i < 3; i++) {
        Factor f = replay.nextFrequentFactor();
        int m = memory.modelId(replay.nextModel());
        WordTable got =
            kind == TermKind.ONE_WORD ? BENCH.wordsOneWord(state) : BENCH.wordsJustification(state);
        RoaringBitmap set = memory.evaluate(f.column()).images();
        WordTable expected =
            WordTable.of(
                WordIndex.of(state.dataset),
                kind,
                RoaringBitmap.and(set, memory.wrong(m, ErrorType.CLASS)),
                RoaringBitmap.and(set, memory.right(m, ErrorType.CLASS)),
                10);
        assertThat(got).isEqualTo(expected);
        assertThat(got.numMistakes() + got.numCorrect()).isPositive();
        assertThat(got.rows()).isNotEmpty();
      }
    }
  }
}
