package org.imagenetx.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.state.CsvZooState;
import org.imagenetx.state.DuckDbState;
import org.imagenetx.state.StoreZooState;
import org.junit.jupiter.api.Test;

/** DuckDB's SQL and imagenetx compute the same table on the 4-model zoo, on every path. */
class DuckDbBenchmarkTest {
  @Test
  void duckDbAndImagenetxGiveTheSameNumbers() throws Exception {
    CsvZooState csv = new CsvZooState();
    csv.models = 4;
    csv.setUp();
    StoreZooState store = new StoreZooState();
    store.models = 4;
    store.setUp();
    DuckDbBenchmark b = new DuckDbBenchmark();
    assertThat(b.duckdbLoadCsv(csv)).isEqualTo(4L * 50_000);
    DuckDbState db = new DuckDbState();
    db.setUp(csv);
    DuckDbBaseline.Table duck;
    try {
      duck = b.duckdbQuery(csv, db);
    } finally {
      db.tearDown();
    }
    FactorTable fromCsv = b.imagenetxCsvToTable(csv);
    FactorTable fromStore = b.imagenetxStoreToTable(store);
    FactorTable loaded = b.imagenetxLoadedTable(store);
    assertThat(duck.models())
        .containsExactly(
            "synthetic_model_0000",
            "synthetic_model_0001",
            "synthetic_model_0002",
            "synthetic_model_0003");
    for (FactorTable t : new FactorTable[] {fromCsv, fromStore, loaded}) {
      assertThat(t.models()).isEqualTo(duck.models());
      for (int r = 0; r < 4; r++) {
        for (int c = 0; c < FactorTable.COLUMNS.size(); c++) {
          assertThat(t.get(r, c))
              .as("%s %s", t.models().get(r), FactorTable.COLUMNS.get(c))
              .isCloseTo(duck.rows().get(r)[c], within(1e-12));
        }
        // real numbers, not an empty agreement
        assertThat(t.get(r, FactorTable.AVERAGE)).isBetween(0.3, 0.95);
        assertThat(t.get(r, FactorTable.WORST_100_CLASSES))
            .isLessThan(t.get(r, FactorTable.AVERAGE));
      }
    }
  }
}
