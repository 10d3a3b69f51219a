package org.imagenetx.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.evaluation.Aggregation;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.evaluation.MetaclassTable;
import org.imagenetx.synth.SyntheticImageNetX;
import org.imagenetx.synth.SyntheticZoo;
import org.imagenetx.testing.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store is only a faster container: every table computed from it equals, cell by cell, the
 * table computed from the CSVs it was built from (real base models and a synthetic zoo), and a
 * store exported back to CSVs gives the same predictions again.
 */
class StoreVersusCsvTablesTest {
  private static final List<FactorSelection> SELECTIONS =
      List.of(FactorSelection.MULTI, FactorSelection.TOP);

  @TempDir Path tmp;

  static void assertSameTables(Dataset ds, Zoo expected, Zoo actual, List<ErrorType> types) {
    Aggregation a = Aggregation.run(ds, expected, SELECTIONS, types, 2, null);
    Aggregation b = Aggregation.run(ds, actual, SELECTIONS, types, 2, null);
    int cells = 0;
    for (FactorSelection s : SELECTIONS) {
      for (ErrorType t : types) {
        FactorTable fa = a.get(s, t).factors();
        FactorTable fb = b.get(s, t).factors();
        assertThat(fb.models()).isEqualTo(fa.models());
        for (int r = 0; r < fa.size(); r++) {
          for (int c = 0; c < FactorTable.COLUMNS.size(); c++) {
            assertThat(Double.doubleToLongBits(fb.get(r, c)))
                .as("%s %s %s %s", s.key(), t.key(), fa.models().get(r), FactorTable.COLUMNS.get(c))
                .isEqualTo(Double.doubleToLongBits(fa.get(r, c)));
            cells++;
          }
        }
        MetaclassTable ma = a.get(s, t).metaclasses();
        MetaclassTable mb = b.get(s, t).metaclasses();
        assertThat(mb.size()).isEqualTo(ma.size());
        for (int r = 0; r < ma.size(); r++) {
          assertThat(mb.model(r)).isEqualTo(ma.model(r));
          for (int c = 0; c < MetaclassTable.COLUMNS.size(); c++) {
            assertThat(Double.doubleToLongBits(mb.get(r, c)))
                .as(
                    "%s %s %s %s %s",
                    s.key(), t.key(), ma.model(r), ma.metaclass(r), MetaclassTable.COLUMNS.get(c))
                .isEqualTo(Double.doubleToLongBits(ma.get(r, c)));
            cells++;
          }
        }
      }
    }
    assertThat(cells).isGreaterThan(0);
  }

  private static Path build(Path out, List<Path> csvs, Dataset ds, boolean probabilities) {
    List<ZooStoreWriter.Source> sources = new ArrayList<>();
    for (Path f : csvs) {
      sources.add(ZooStoreWriter.csv(f, ds.index()));
    }
    ZooStoreWriter.write(
        out,
        ds.index(),
        sources,
        new ZooStoreWriter.Options(probabilities, false, 0, "test", 2, null));
    return out;
  }

  @Test
  void realBaseModelsGiveIdenticalTablesFromStoreAndCsvs() {
    Dataset ds = RealData.val();
    Zoo csv = Zoos.open(RealData.baseZoo(), ds.index());
    Path store =
        build(tmp.resolve("base.zoo"), Zoos.csvFiles(RealData.baseZoo(), ds.index()), ds, true);
    Zoo fromStore = Zoos.open(store, ds.index());
    assertThat(fromStore).isInstanceOf(ZooStore.class);
    assertThat(fromStore.name()).isEqualTo("base");
    assertThat(fromStore.models()).containsExactly("DINO", "ResNet50", "SimCLR", "ViT");
    assertSameTables(ds, csv, fromStore, List.of(ErrorType.values()));
    // probabilities survive as the float the parser made of the decimal
    float[] a = new float[ds.index().size()];
    float[] b = new float[ds.index().size()];
    for (int m = 0; m < 4; m++) {
      csv.readProbabilities(m, a);
      fromStore.readProbabilities(m, b);
      assertThat(b).as(csv.models().get(m)).isEqualTo(a);
    }
  }

  @Test
  void syntheticZooGivesIdenticalTablesFromCsvsStoreAndExport() {
    long seed = 17;
    Dataset ds = SyntheticImageNetX.generate(seed, 50).dataset(false);
    Path dir = tmp.resolve("csv");
    SyntheticZoo.writeCsvFolder(ds, 5, seed, dir, 2, null);
    Zoo csv = Zoos.open(dir, ds.index());
    Path store = build(tmp.resolve("s.zoo"), Zoos.csvFiles(dir, ds.index()), ds, false);
    Zoo fromStore = Zoos.open(store, ds.index());
    assertSameTables(ds, csv, fromStore, List.of(ErrorType.values()));
    // the CSVs hold exactly the generator's predictions
    assertSameTables(ds, SyntheticZoo.generate(ds, 5, seed), fromStore, List.of(ErrorType.CLASS));
    // generated straight into a store: same predictions again
    Path direct = tmp.resolve("direct.zoo");
    ZooStoreWriter.write(
        direct,
        ds.index(),
        SyntheticZoo.sources(new SyntheticZoo.Inputs(ds, seed), 5, seed),
        new ZooStoreWriter.Options(true, true, seed, "synth", 2, null));
    short[] x = new short[ds.index().size()];
    short[] y = new short[ds.index().size()];
    try (Zoo d = ZooStore.open(direct, ds.index())) {
      for (int m = 0; m < 5; m++) {
        csv.readClasses(m, x);
        d.readClasses(m, y);
        assertThat(y).as("model %d", m).isEqualTo(x);
      }
    }
  }

  @Test
  void exportedCsvsParseBackToTheSamePredictions() {
    Dataset ds = SyntheticImageNetX.generate(23, 2).dataset(false);
    int n = ds.index().size();
    ZooStoreTest.RandomSource src = new ZooStoreTest.RandomSource("m", n, 4, 0.1);
    byte[] bytes =
        PredictionCsv.format(
            ds.index(), PredictionCsv.fileNameOrder(ds.index()), src.classes, src.probabilities);
    short[] c = new short[n];
    float[] p = new float[n];
    PredictionCsv.Result r = PredictionCsv.parse(bytes, bytes.length, "m.csv", ds.index(), c, p);
    assertThat(r.numMissing()).isEqualTo(src.missing);
    assertThat(c).isEqualTo(src.classes);
    for (int i = 0; i < n; i++) {
      assertThat(Float.floatToRawIntBits(p[i]))
          .as("image %d", i)
          .isEqualTo(Float.floatToRawIntBits(src.probabilities[i]));
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    assertThat(text).startsWith(PredictionCsv.HEADER + "\nILSVRC2012_val_000000");
  }
}
