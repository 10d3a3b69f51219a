package org.imagenetx.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imagenetx.annotations.AnnotationLoader;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.io.BadInputException;
import org.imagenetx.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prefetched CSVs give exactly what reading the files gives, are used once, and only for the same
 * file and index; a broken file is reported by the zoo's own read.
 */
class CsvPrefetchTest {
  @TempDir Path tmp;
  Path zoo;
  Dataset ds;

  @BeforeEach
  void fixture() {
    Path dir = Fixtures.tiny(tmp.resolve("fx"));
    zoo = dir.resolve("zoo");
    ds = AnnotationLoader.load(dir.resolve("annotations"), AnnotationLoader.Options.defaults());
  }

  private short[][] read(Zoo z) {
    short[][] out = new short[z.size()][ds.index().size()];
    for (int m = 0; m < z.size(); m++) {
      z.readClasses(m, out[m]);
    }
    return out;
  }

  @Test
  void prefetchedEqualsReadAndIsTakenOnce() {
    short[][] plain = read(Zoos.open(zoo, ds.index()));
    Zoos.prefetch(zoo, ds.index());
    Zoo z = Zoos.open(zoo, ds.index());
    for (int m = 0; m < z.size(); m++) {
      assertThat(CsvPrefetch.take(((CsvZoo) z).file(m), ds.index())).isNotNull();
    }
    Zoos.prefetch(zoo, ds.index());
    assertThat(read(z)).isEqualTo(plain);
    // taken: nothing is left behind
    assertThat(CsvPrefetch.take(((CsvZoo) z).file(0), ds.index())).isNull();
  }

  @Test
  void otherIndexOrChangedFileIsNotUsed() throws IOException {
    Zoos.prefetch(zoo, ds.index());
    Dataset other =
        AnnotationLoader.load(
            tmp.resolve("fx").resolve("annotations"), AnnotationLoader.Options.defaults());
    Path first = ((CsvZoo) Zoos.open(zoo, ds.index())).file(0);
    assertThat(CsvPrefetch.take(first, other.index())).isNull();
    // rewrite the first model with one prediction changed: the prefetched parse is stale
    List<String> lines = Files.readAllLines(first);
    String[] row = lines.get(1).split(",");
    row[1] = String.valueOf((Integer.parseInt(row[1]) + 1) % 1000);
    lines.set(1, String.join(",", row));
    java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(first);
    Files.write(first, lines);
    Files.setLastModifiedTime(
        first, java.nio.file.attribute.FileTime.fromMillis(before.toMillis() + 10_000));
    short[][] now = read(Zoos.open(zoo, ds.index()));
    short[] expected = new short[ds.index().size()];
    PredictionCsv.read(first, ds.index(), expected, null);
    assertThat(now[0]).isEqualTo(expected);
  }

  @Test
  void brokenFileIsReportedByTheRead() throws IOException {
    Path first = ((CsvZoo) Zoos.open(zoo, ds.index())).file(0);
    Fixtures.replaceLine(first, 3, "ILSVRC2012_val_00000002.JPEG,dog,0.5");
    Zoos.prefetch(zoo, ds.index());
    Zoo z = Zoos.open(zoo, ds.index());
    assertThatThrownBy(() -> z.readClasses(0, new short[ds.index().size()]))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(":3: predicted_class is not an integer");
  }
}
