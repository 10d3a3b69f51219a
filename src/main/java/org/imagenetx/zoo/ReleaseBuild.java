package org.imagenetx.zoo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.annotations.Release;
import org.imagenetx.bits.Lanes;

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

  /** Reads every model of a CSV zoo over the release's own index, packed. */
  private static Release.BaseModels baseModels(CsvZoo base, ImageIndex index) {
    int n = index.size();
    long[][] packed = new long[base.size()][Lanes.numLongs(n)];
    float[][] probabilities = new float[base.size()][n];
    int[] missing = new int[base.size()];
    short[] classes = new short[n];
    for (int m = 0; m < base.size(); m++) {
      missing[m] = PredictionCsv.read(base.file(m), index, classes, probabilities[m]).numMissing();
      Lanes.pack(classes, n, packed[m]);
    }
    return new Release.BaseModels(base.models(), packed, probabilities, missing, index);
  }
}
