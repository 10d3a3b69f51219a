package org.imagenetx.zoo;

import java.nio.file.Files;
import java.nio.file.Path;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.io.BadInputException;

/** Opens a zoo from what the user names on the command line. */
public final class Zoos {
  private Zoos() {}

  /**
   * @param path a folder of prediction CSVs, or one prediction CSV
   * @param index the image index predictions are resolved against
   * @return the zoo
   * @throws BadInputException when the path is missing, empty or not a zoo
   */
  public static Zoo open(Path path, ImageIndex index) {
    if (Files.isDirectory(path)) {
      return CsvZoo.folder(path, index);
    }
    if (!Files.exists(path)) {
      throw new BadInputException(path.toString(), 0, "no such zoo (expected a folder of <model>.csv files)");
    }
    if (path.getFileName().toString().endsWith(".csv")) {
      return CsvZoo.file(path, index);
    }
    throw new BadInputException(
        path.toString(), 0, "not a zoo: expected a folder of prediction CSVs or one .csv file");
  }
}
