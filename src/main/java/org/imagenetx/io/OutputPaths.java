package org.imagenetx.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Outputs never clobber inputs: {@code zoo build --from io1 --out io1/m.csv} replaced an input CSV
 * with the store and exited 0 (issue 15). Paths are compared after resolving symbolic links of
 * their existing part, so a link or a {@code ..} does not hide the overlap.
 */
public final class OutputPaths {
  private OutputPaths() {}

  /**
   * @param output a file or folder about to be written
   * @param inputs files or folders being read
   * @throws BadInputException when the output is an input, or inside an input folder
   */
  public static void refuseInputs(Path output, List<Path> inputs) {
    Path out = canonical(output);
    for (Path in : inputs) {
      Path i = canonical(in);
      if (out.equals(i)) {
        throw new BadInputException(
            output.toString(), 0, "output is also an input; choose another --out");
      }
      if (Files.isDirectory(i) && out.startsWith(i)) {
        throw new BadInputException(
            output.toString(),
            0,
            "output is inside the input folder " + in + "; choose another --out");
      }
      if (Files.isDirectory(out) && i.startsWith(out)) {
        throw new BadInputException(
            output.toString(), 0, "output folder holds the input " + in + "; choose another --out");
      }
    }
  }

  /** The real path of the longest existing prefix, plus the rest as given. */
  static Path canonical(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    Path rest = null;
    while (existing != null && !Files.exists(existing)) {
      Path name = existing.getFileName();
      rest = rest == null ? name : name.resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      Path real = existing.toRealPath();
      return rest == null ? real : real.resolve(rest);
    } catch (IOException e) {
      return abs;
    }
  }
}
