package org.imagenetx.zoo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imagenetx.annotations.ImageIndex;
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
    if (path.getFileName().toString().endsWith(".csv")) {
      return CsvZoo.file(path, index);
    }
    // Any other file must be a store: its open names the exact problem (short, wrong magic, ...).
    return ZooStore.open(path, index);
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
