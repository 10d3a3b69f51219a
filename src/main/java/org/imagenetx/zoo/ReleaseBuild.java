package org.imagenetx.zoo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.annotations.Release;

/**
 * The build step that embeds the release: {@code mvn package} runs it (phase {@code
 * process-classes}) to write the annotation snapshot, with the base models' predictions, from
 * {@code data/imagenet-x} into the classes. Not part of the command line.
 */
public final class ReleaseBuild {
  private ReleaseBuild() {}

  /**
   * @param args the release folder ({@code data/imagenet-x}), the snapshot file to write, and the
   *     compiled classes (the code that writes the snapshot is stamped too, so a change of layout
   *     rebuilds it)
   * @throws IOException on a write failure
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: ReleaseBuild <release folder> <snapshot file> <classes folder>");
    }
    Path root = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Path baseDir = root.resolve("model_predictions").resolve("base");
    List<Path> stamped = new ArrayList<>(CsvZoo.folder(baseDir, null).files());
    for (String pkg : List.of("org/imagenetx/annotations", "org/imagenetx/zoo")) {
      try (Stream<Path> s = Files.list(Path.of(args[2]).resolve(pkg))) {
        s.filter(p -> p.toString().endsWith(".class")).sorted().forEach(stamped::add);
      }
    }
    boolean written =
        Release.write(
            root, stamped, index -> baseModels(CsvZoo.folder(baseDir, index), index), out);
    System.out.println((written ? "wrote " : "up to date: ") + out);
  }

  /** Reads every model of a CSV zoo into validation-number order. */
  private static Release.BaseModels baseModels(CsvZoo base, ImageIndex index) {
    int numbers = 0;
    for (int d = 0; d < index.size(); d++) {
      numbers = Math.max(numbers, ImageIndex.valNumber(index.fileName(d)));
    }
    short[][] classes = new short[base.size()][numbers];
    float[][] probabilities = new float[base.size()][numbers];
    short[] dense = new short[index.size()];
    float[] prob = new float[index.size()];
    for (int m = 0; m < base.size(); m++) {
      PredictionCsv.read(base.file(m), index, dense, prob);
      Arrays.fill(classes[m], (short) -1);
      Arrays.fill(probabilities[m], Float.NaN);
      for (int d = 0; d < index.size(); d++) {
        int v = ImageIndex.valNumber(index.fileName(d)) - 1;
        classes[m][v] = dense[d];
        probabilities[m][v] = prob[d];
      }
    }
    return new Release.BaseModels(base.models(), classes, probabilities);
  }
}
