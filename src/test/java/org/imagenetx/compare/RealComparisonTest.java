package org.imagenetx.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.resampling.IntervalMethod;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.testing.RealData;
import org.imagenetx.zoo.Zoos;
import org.junit.jupiter.api.Test;

/**
 * Acceptance on the four real base models: {@code compare ViT ResNet50} discordant counts per
 * factor equal a plain loop over the two prediction CSVs (parsed here with String.split,
 * independent of the engine's parser and kernels), joined on file name with the annotations.
 */
class RealComparisonTest {
  private static Map<String, Integer> readCsv(Path p) throws IOException {
    Map<String, Integer> pred = new HashMap<>();
    List<String> lines = Files.readAllLines(p);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      pred.put(cells[0], Integer.parseInt(cells[1]));
    }
    return pred;
  }

  @Test
  void vitVersusResNet50DiscordantCountsEqualPlainLoop() throws IOException {
    Dataset ds = RealData.val();
    Map<String, Integer> vit = readCsv(RealData.baseZoo().resolve("ViT.csv"));
    Map<String, Integer> resnet = readCsv(RealData.baseZoo().resolve("ResNet50.csv"));
    FactorSet top = ds.factors(FactorSelection.TOP);
    int[] onlyVit = new int[Factor.COUNT + 1];
    int[] onlyResnet = new int[Factor.COUNT + 1];
    for (int i = 0; i < ds.index().size(); i++) {
      if (!top.evaluated().contains(i)) {
        continue;
      }
      String name = ds.index().fileName(i);
      int label = ds.index().label(i);
      boolean vitWrong = vit.get(name) != label;
      boolean resWrong = resnet.get(name) != label;
      if (vitWrong == resWrong) {
        continue;
      }
      int[] target = vitWrong ? onlyVit : onlyResnet;
      target[Factor.COUNT]++;
      for (Factor f : Factor.values()) {
        if (top.factor(f).contains(i)) {
          target[f.ordinal()]++;
        }
      }
    }
    PairwiseData data =
        PairwiseData.load(
            ds, Zoos.open(RealData.baseZoo(), ds.index()), FactorSelection.TOP, ErrorType.CLASS, 2);
    int vitIdx = data.models().indexOf("ViT");
    int resIdx = data.models().indexOf("ResNet50");
    List<SliceComparison> rows =
        Comparisons.compare(
            data,
            vitIdx,
            resIdx,
            new ZooBootstrap.Settings(200, 0.95, IntervalMethod.PERCENTILE, 1));
    for (int s = 0; s <= Factor.COUNT; s++) {
      assertThat(rows.get(s).onlyAWrong()).as(rows.get(s).slice()).isEqualTo(onlyVit[s]);
      assertThat(rows.get(s).onlyBWrong()).as(rows.get(s).slice()).isEqualTo(onlyResnet[s]);
    }
    // Not a trivial agreement: thousands of discordant images overall.
    assertThat(onlyVit[Factor.COUNT] + onlyResnet[Factor.COUNT]).isGreaterThan(1000);
  }
}
