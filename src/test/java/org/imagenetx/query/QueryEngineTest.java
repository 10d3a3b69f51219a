package org.imagenetx.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.cli.Main;
import org.imagenetx.compare.SliceComparison;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.evaluation.FactorTable;
import org.imagenetx.testing.CliRunner;
import org.imagenetx.testing.RealData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Query answers against the batch commands on the real base models: every number a query prints
 * must be the one {@code aggregate} writes and {@code ratios} prints.
 */
class QueryEngineTest {
  @TempDir static Path batch;

  @BeforeAll
  static void runBatch() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "aggregate",
            "--annotations",
            RealData.annotations().toString(),
            "--zoo",
            RealData.baseZoo().toString(),
            "--factors",
            "top",
            "--error-type",
            "class,metaclass,real_class",
            "--out",
            batch.toString());
    assertEquals(0, code, err.toString());
  }

  /** model → row of the batch accuracies_per_factor.csv (NaN for empty cells). */
  static Map<String, double[]> batchTable(ErrorType type, String file) throws IOException {
    Path p = batch.resolve("val/top_factor/base").resolve(type.key()).resolve(file);
    List<String> lines = Files.readAllLines(p);
    Map<String, double[]> out = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      boolean meta = file.contains("metaclass");
      int skip = meta ? 2 : 1;
      double[] v = new double[c.length - skip];
      for (int i = 0; i < v.length; i++) {
        v[i] = c[i + skip].isEmpty() ? Double.NaN : Double.parseDouble(c[i + skip]);
      }
      out.put(meta ? c[0] + "/" + c[1] : c[0], v);
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(ErrorType.class)
  void showEqualsTheAggregateTables(ErrorType type) throws IOException {
    QueryEngine e = RealSessions.top();
    Map<String, double[]> factors = batchTable(type, "accuracies_per_factor.csv");
    Map<String, double[]> metas = batchTable(type, "accuracies_per_factor_metaclass.csv");
    for (String model : e.session().models()) {
      Results.ModelReport r = e.show(model, type);
      double[] row = factors.get(model);
      for (Factor f : Factor.values()) {
        Results.FactorLine l = r.factors().get(f.ordinal());
        assertThat(l.factor()).isEqualTo(f.column());
        assertEquals(row[f.ordinal()], l.accuracy().point(), 0.0, model + " " + f);
        assertEquals(
            (1 - row[f.ordinal()]) / (1 - row[FactorTable.AVERAGE]),
            l.errorRatio().point(),
            0.0,
            model + " " + f);
      }
      assertEquals(row[FactorTable.AVERAGE], r.average().point(), 0.0);
      assertEquals(row[FactorTable.WORST_FACTOR], r.worstFactor(), 0.0);
      assertEquals(row[FactorTable.WORST_100_CLASSES], r.worst100Classes(), 0.0);
      for (int m = 0; m < Metaclasses.COUNT; m++) {
        Results.MetaclassLine ml = r.metaclasses().get(m);
        double[] mrow = metas.get(model + "/" + Metaclasses.NAMES.get(m));
        assertThat(ml.metaclass()).isEqualTo(Metaclasses.NAMES.get(m));
        for (int f = 0; f < Factor.COUNT; f++) {
          assertEquals(mrow[f], ml.accuracy()[f], 0.0, model + " " + ml.metaclass() + " " + f);
        }
        assertEquals(mrow[Factor.COUNT], ml.worstFactor(), 0.0);
        assertEquals(mrow[Factor.COUNT + 1], ml.average(), 0.0);
      }
    }
  }

  @Test
  void showCarriesEachCellsNAndTheSmallCellFlag() {
    QueryEngine e = RealSessions.top();
    var ds = RealData.val();
    var fs = ds.factors(FactorSelection.TOP);
    byte[] mc = ds.index().metaclassOfImage();
    int[] n = new int[Factor.COUNT];
    int[][] mn = new int[Metaclasses.COUNT][Factor.COUNT];
    for (Factor f : Factor.values()) {
      for (int i : fs.factor(f)) {
        if (fs.evaluated().contains(i)) {
          n[f.ordinal()]++;
          mn[mc[i]][f.ordinal()]++;
        }
      }
    }
    int smallCells = 0;
    for (String model : e.session().models()) {
      Results.ModelReport r = e.show(model, ErrorType.CLASS);
      for (Factor f : Factor.values()) {
        Results.FactorLine l = r.factors().get(f.ordinal());
        assertThat(l.n()).as("%s %s", model, f).isEqualTo(n[f.ordinal()]);
        long errors = Math.round((1 - l.accuracy().point()) * l.n());
        assertThat(l.small()).isEqualTo(l.n() < 30 || errors < 5);
      }
      for (int m = 0; m < Metaclasses.COUNT; m++) {
        Results.MetaclassLine ml = r.metaclasses().get(m);
        for (int f = 0; f < Factor.COUNT; f++) {
          assertThat(ml.n()[f]).as("%s %s %d", model, ml.metaclass(), f).isEqualTo(mn[m][f]);
          long errors = mn[m][f] == 0 ? 0 : Math.round((1 - ml.accuracy()[f]) * mn[m][f]);
          assertThat(ml.small()[f]).isEqualTo(mn[m][f] < 30 || errors < 5);
          smallCells += ml.small()[f] ? 1 : 0;
        }
      }
    }
    assertThat(smallCells).isPositive();
    // the shell's text names them under the note
    Results.ModelReport vit = e.show("ViT", ErrorType.CLASS);
    String text =
        org.imagenetx.report.QueryTables.render(vit, org.imagenetx.report.Format.TABLE, 4, 200);
    assertThat(text).contains(org.imagenetx.evaluation.SmallCells.NOTE);
    // dog/texture: 12 images, flagged where it is printed; the csv keeps the number alone
    String dog = text.lines().filter(l -> l.startsWith("dog ")).findFirst().orElseThrow();
    assertThat(dog).contains("0.6667*");
    String csv =
        org.imagenetx.report.QueryTables.render(vit, org.imagenetx.report.Format.CSV, 4, 200);
    assertThat(csv).doesNotContain("*");
  }

  @Test
  void rankEqualsTheRatiosCommandAndIsSorted() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(
        0,
        Main.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "ratios",
            "--annotations",
            RealData.annotations().toString(),
            "--zoo",
            RealData.baseZoo().toString(),
            "--format",
            "csv"));
    Map<String, double[]> ratios = new HashMap<>();
    String[] lines = out.toString().split("\n");
    for (int i = 1; i < lines.length; i++) {
      String[] c = lines[i].split(",", -1);
      double[] v = new double[Factor.COUNT];
      for (int f = 0; f < Factor.COUNT; f++) {
        v[f] = Double.parseDouble(c[f + 1]);
      }
      ratios.put(c[0], v);
    }
    QueryEngine e = RealSessions.top();
    for (Factor f : Factor.values()) {
      Results.Ranking r = e.rank(new Query.Rank(f.column(), null, ErrorType.CLASS, null, 0));
      assertThat(r.metric()).isEqualTo(Metric.ERROR_RATIO);
      assertThat(r.rows()).hasSize(4);
      for (int i = 0; i < r.rows().size(); i++) {
        Results.RankRow row = r.rows().get(i);
        assertEquals(
            ratios.get(row.model())[f.ordinal()], row.value().point(), 0.0, f + " " + row.model());
        assertThat(row.rank()).isEqualTo(i + 1);
        if (i > 0) {
          assertThat(row.value().point())
              .isGreaterThanOrEqualTo(r.rows().get(i - 1).value().point());
        }
        // show's rank of that factor agrees with the ranking (no ties among real models)
        assertThat(e.show(row.model(), ErrorType.CLASS).factors().get(f.ordinal()).rank())
            .isEqualTo(i + 1);
      }
    }
  }

  @Test
  void rankByAccuracyTopGroupAndSummaryColumns() throws IOException {
    QueryEngine e = RealSessions.top();
    Map<String, double[]> t = batchTable(ErrorType.CLASS, "accuracies_per_factor.csv");
    Results.Ranking avg = e.rank(new Query.Rank("average", null, ErrorType.CLASS, null, 2));
    assertThat(avg.metric()).isEqualTo(Metric.ACCURACY);
    assertThat(avg.numRanked()).isEqualTo(4);
    // from the batch table: ViT 0.7676 > DINO 0.7543 > ResNet50 > SimCLR
    assertThat(avg.rows()).extracting(Results.RankRow::model).containsExactly("ViT", "DINO");
    assertEquals(t.get("ViT")[FactorTable.AVERAGE], avg.rows().get(0).value().point(), 0.0);

    Results.Ranking worst =
        e.rank(
            new Query.Rank(
                "worst_factor", Metric.ERROR_RATIO, ErrorType.CLASS, "Self-supervised", 10));
    assertThat(worst.numRanked()).isEqualTo(2);
    assertThat(worst.rows())
        .extracting(Results.RankRow::model)
        .containsExactlyInAnyOrder("DINO", "SimCLR");
    for (Results.RankRow r : worst.rows()) {
      double[] row = t.get(r.model());
      double max = 0;
      for (int f = 0; f < Factor.COUNT; f++) {
        max = Math.max(max, (1 - row[f]) / (1 - row[FactorTable.AVERAGE]));
      }
      assertEquals(max, r.value().point(), 0.0);
    }
    Results.Ranking glob =
        e.rank(new Query.Rank("smaller", Metric.ACCURACY, ErrorType.CLASS, "*Net*", 10));
    assertThat(glob.rows()).extracting(Results.RankRow::model).containsExactly("ResNet50");

    QueryException noEr =
        assertThrows(
            QueryException.class,
            () -> e.rank(new Query.Rank("average", Metric.ERROR_RATIO, ErrorType.CLASS, null, 3)));
    assertThat(noEr.getMessage()).contains("rank it by accuracy");
    assertThat(
            assertThrows(
                    QueryException.class,
                    () ->
                        e.rank(
                            new Query.Rank("smaller", null, ErrorType.CLASS, "no-such-group", 3)))
                .getMessage())
        .contains("no model in group 'no-such-group'")
        .contains("Self-supervised");
  }

  @Test
  void unknownModelsNameCloseMatches() {
    QueryEngine e = RealSessions.top();
    QueryException ex = assertThrows(QueryException.class, () -> e.show("vit", ErrorType.CLASS));
    assertThat(ex.getMessage()).isEqualTo("unknown model 'vit' (did you mean ViT?)");
    assertThat(
            assertThrows(QueryException.class, () -> e.compare("ViT", "ViT", ErrorType.CLASS))
                .getMessage())
        .contains("two different models");
  }

  @Test
  void weakestFactorsAreTheHighestErrorRatios() {
    Results.ModelReport r = RealSessions.top().show("ViT", ErrorType.CLASS);
    List<Results.FactorLine> sorted = new ArrayList<>(r.factors());
    sorted.sort((a, b) -> Double.compare(b.errorRatio().point(), a.errorRatio().point()));
    assertThat(r.weakest())
        .containsExactly(sorted.get(0).factor(), sorted.get(1).factor(), sorted.get(2).factor());
    assertThat(r.averageRank()).isEqualTo(1);
    assertThat(r.numModels()).isEqualTo(4);
  }

  @Test
  void addedModelEqualsTheSameFileInTheZooAndStaysInTheSession(@TempDir Path dir)
      throws IOException {
    QueryEngine e = RealSessions.fresh(FactorSelection.TOP);
    Path copy = dir.resolve("ViT-again.csv");
    Files.copy(RealData.baseZoo().resolve("ViT.csv"), copy);
    Results.Added a = (Results.Added) e.answer(new Query.Add(copy, ErrorType.CLASS));
    assertThat(a.model()).isEqualTo("ViT-again");
    assertThat(e.session().models()).hasSize(5).endsWith("ViT-again");
    for (ErrorType t : ErrorType.values()) {
      Results.ModelReport orig = e.show("ViT", t);
      Results.ModelReport added = e.show("ViT-again", t);
      assertThat(added.numModels()).isEqualTo(5);
      for (int f = 0; f < Factor.COUNT; f++) {
        assertEquals(
            orig.factors().get(f).errorRatio().point(),
            added.factors().get(f).errorRatio().point(),
            0.0);
        // ties share a rank: the copy ranks exactly where the original does
        assertThat(added.factors().get(f).rank()).isEqualTo(orig.factors().get(f).rank());
      }
      assertThat(added.metaclasses().get(3).accuracy())
          .isEqualTo(orig.metaclasses().get(3).accuracy());
    }
    assertThat(assertThrows(QueryException.class, () -> e.session().add(copy)).getMessage())
        .isEqualTo("model 'ViT-again' is already in the session");
    // the compare of identical predictions has no discordant image
    Results.Comparison c = e.compare("ViT", "ViT-again", ErrorType.REAL_CLASS);
    for (SliceComparison l : c.rows()) {
      assertThat(l.onlyAWrong() + l.onlyBWrong()).isZero();
      assertEquals(1.0, l.pExact(), 0.0);
    }
    // nothing was written next to the CSV
    try (var s = Files.list(dir)) {
      assertThat(s.count()).isEqualTo(1);
    }
  }

  /** The {@code groups} query equals the batch {@code compare --groups} means, group by group. */
  @Test
  void groupsEqualTheCompareGroupsCommand(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path csv = dir.resolve("groups.csv");
    StringBuilder sb = new StringBuilder("model,group\n");
    RealSessions.GROUPS.forEach(
        (g, ms) -> ms.forEach(m -> sb.append(m).append(',').append(g).append('\n')));
    Files.writeString(csv, sb.toString());
    CliRunner.Result r =
        CliRunner.run(
            "compare",
            "--groups",
            csv.toString(),
            "--annotations",
            RealData.annotations().toString(),
            "--zoo",
            RealData.baseZoo().toString(),
            "--format",
            "csv");
    assertEquals(0, r.exitCode(), r.err());
    Results.GroupSummary g = RealSessions.top().groups(ErrorType.CLASS);
    int checked = 0;
    for (String line : r.out().split("\n")) {
      String[] c = line.split(",");
      if (c[0].equals("factor")) {
        continue;
      }
      int f = Factor.fromColumn(c[0]).ordinal();
      Results.GroupLine row =
          g.rows().stream().filter(x -> x.group().equals(c[1])).findFirst().orElseThrow();
      assertEquals(Integer.parseInt(c[2]), row.models(), line);
      assertEquals(Double.parseDouble(c[3]), row.errorRatio()[f], 1e-15, line);
      checked++;
    }
    assertEquals(Factor.COUNT * RealSessions.GROUPS.size(), checked);
  }

  @Test
  void groupsAreMeansOfTheirModels() {
    QueryEngine e = RealSessions.top();
    Results.GroupSummary g = e.groups(ErrorType.CLASS);
    assertThat(g.rows())
        .extracting(Results.GroupLine::group)
        .containsExactly("Self-supervised", "Supervised on ImageNet-1K");
    Results.ModelReport dino = e.show("DINO", ErrorType.CLASS);
    Results.ModelReport simclr = e.show("SimCLR", ErrorType.CLASS);
    for (int f = 0; f < Factor.COUNT; f++) {
      double mean =
          (dino.factors().get(f).errorRatio().point()
                  + simclr.factors().get(f).errorRatio().point())
              / 2;
      assertEquals(mean, g.rows().get(0).errorRatio()[f], 1e-15);
    }
    assertThat(g.rows().get(0).models()).isEqualTo(2);
  }
}
