package org.imagenetx.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.imagenetx.state.CsvZooState;
import org.imagenetx.state.ZooFiles;
import org.imagenetx.synth.SyntheticZoo;
import org.junit.jupiter.api.Test;

/** The ingest benchmarks parse and store exactly the generator's predictions. */
class IngestBenchmarkTest {
  @Test
  void parseOneCsvReadsModelZero() throws Exception {
    IngestBenchmark.OneFile f = new IngestBenchmark.OneFile();
    f.setUp();
    PredictionCsv.Result r = new IngestBenchmark().parseOneCsv(f);
    assertThat(r.numRows()).isEqualTo(50_000);
    assertThat(r.numMissing()).isZero();
    assertThat(r.hasProbabilities()).isTrue();
    short[] expected = new short[50_000];
    SyntheticZoo.generateModel(
        new SyntheticZoo.Inputs(f.dataset, ZooFiles.SEED), ZooFiles.SEED, 0, expected, null);
    assertThat(f.classes).isEqualTo(expected);
    java.util.Arrays.fill(f.classes, (short) 0);
    PredictionCsv.Result classesOnly = new IngestBenchmark().parseOneCsvClasses(f);
    assertThat(classesOnly.numRows()).isEqualTo(50_000);
    assertThat(f.classes).isEqualTo(expected);
  }

  @Test
  void buildStoreWritesAStoreOfTheCsvs() throws Exception {
    CsvZooState csv = new CsvZooState();
    csv.models = 4;
    csv.setUp();
    long size = new IngestBenchmark().buildStore(csv);
    ZooStore s = ZooStore.open(ZooFiles.root().resolve("ingest-bench-4.zoo"), csv.dataset.index());
    assertThat(size).isEqualTo(s.fileBytes()).isGreaterThan(4L * 2 * 50_000);
    assertThat(s.size()).isEqualTo(4);
    short[] a = new short[50_000];
    short[] b = new short[50_000];
    Zoo z = Zoos.open(csv.csvFolder, csv.dataset.index());
    for (int m = 0; m < 4; m++) {
      s.readClasses(m, a);
      z.readClasses(m, b);
      assertThat(a).isEqualTo(b);
    }
    assertThat(Files.exists(csv.truthCsv)).isTrue();
  }
}
