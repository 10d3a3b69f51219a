package org.imagenetx.zoo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.annotations.Release;
import org.imagenetx.bits.Lanes;
import org.imagenetx.io.BadInputException;

/** Opens a zoo from what the user names on the command line. */
public final class Zoos {
  private Zoos() {}

  /**
   * @param path a zoo store ({@link ZooStore}), a folder of prediction CSVs, or one prediction CSV
   * @param index the image index predictions are resolved against
   * @return the zoo
   * @throws BadInputException when the path is missing, empty or not a zoo
   */
  public static Zoo open(Path path, ImageIndex index) {
    if (Files.isDirectory(path)) {
      return CsvZoo.folder(path, index);
    }
    if (!Files.exists(path)) {
      throw new BadInputException(
          path.toString(),
          0,
          "no such zoo (expected a zoo store or a folder of <model>.csv files)");
    }
    if (!Files.isRegularFile(path)) {
      throw new BadInputException(
          path.toString(), 0, "not a regular file (a FIFO, socket or device): not a zoo");
    }
    if (path.getFileName().toString().endsWith(".csv")) {
      return CsvZoo.file(path, index);
    }
    // Any other file must be a store: its open names the exact problem (short, wrong magic, ...).
    return ZooStore.open(path, index);
  }

  /**
   * The four base models of the ImageNet-X release (DINO, ResNet50, SimCLR, ViT), embedded in
   * imagenetx: the default zoo of every command.
   *
   * @param index a validation image index (images it lacks are skipped; images the models lack are
   *     missing predictions)
   * @return the zoo, named {@code base}
   */
  public static Zoo base(ImageIndex index) {
    Release.BaseModels base = Release.baseModels();
    String source = Release.DESCRIPTION + ", base models";
    if (index == base.index()) {
      // the common case: the arrays are already in this index's order and packed
      return InMemoryZoo.ofPacked(
          "base",
          base.names(),
          index.size(),
          base.packedClasses(),
          base.probabilities(),
          base.numMissing(),
          source);
    }
    int n = index.size();
    short[][] classes = new short[base.names().size()][n];
    float[][] probabilities = new float[base.names().size()][n];
    for (int m = 0; m < classes.length; m++) {
      java.util.Arrays.fill(classes[m], (short) -1);
      java.util.Arrays.fill(probabilities[m], Float.NaN);
      for (int d = 0; d < n; d++) {
        int from = base.index().lookup(index.fileName(d));
        if (from >= 0) {
          classes[m][d] = Lanes.get(base.packedClasses()[m], from);
          probabilities[m][d] = base.probabilities()[m][from];
        }
      }
    }
    return new InMemoryZoo("base", base.names(), classes, probabilities, false, source);
  }

  /**
   * Parses the prediction CSVs of a folder on the calling thread, for the zoo that {@link #open}
   * will give over the same index: a thread that would otherwise idle while a command starts does
   * the parse. Problems are left to the zoo's own read, which reports them.
   *
   * @param path a folder of prediction CSVs (anything else is ignored)
   * @param index the index the zoo will be opened with
   */
  public static void prefetch(Path path, ImageIndex index) {
    if (!Files.isDirectory(path)) {
      return;
    }
    CsvZoo zoo;
    try {
      zoo = CsvZoo.folder(path, index);
    } catch (BadInputException e) {
      return;
    }
    CsvPrefetch.parse(zoo.files(), index);
  }

  /**
   * Lists the prediction CSVs a user named: the {@code <model>.csv} files of a folder (checked as
   * {@link #open} checks them), or one CSV.
   *
   * @param path a folder of prediction CSVs or one CSV
   * @param index image index (only to reuse the folder checks)
   * @return the files, sorted by model name
   */
  public static List<Path> csvFiles(Path path, ImageIndex index) {
    if (Files.isDirectory(path)) {
      return CsvZoo.folder(path, index).files();
    }
    if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".csv")) {
      return List.of(path);
    }
    throw new BadInputException(
        path.toString(), 0, "expected a folder of <model>.csv files or one .csv file");
  }
}
