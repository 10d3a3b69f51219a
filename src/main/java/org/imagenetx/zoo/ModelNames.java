package org.imagenetx.zoo;

import java.nio.file.Path;
import org.imagenetx.io.BadInputException;
import org.imagenetx.io.Printable;

/**
 * Model names are data, never paths. Every zoo reader and writer (CSV folders, stores, export,
 * synthetic and in-memory zoos) accepts only names that are also safe file names on every system we
 * write to: 1 to {@value #MAX_LENGTH} characters from {@code A-Z a-z 0-9 _ - . + = @ , ( ) [ ] ~
 * #}, not starting with {@code .} or {@code -} (no hidden files, no {@code ..}, no names that read
 * as options). A store shared by someone else can therefore neither write outside {@code --out} on
 * export nor put terminal control codes on the screen.
 */
public final class ModelNames {
  private ModelNames() {}

  /** Longest name in characters: file systems allow 255 bytes per name, leaving room for ".csv". */
  public static final int MAX_LENGTH = 200;

  private static final String PUNCTUATION = "_-.+=@,()[]~#";

  /**
   * @param name a candidate model name
   * @return what is wrong with it, or null when it is a valid name
   */
  public static String problem(String name) {
    if (name == null || name.isEmpty()) {
      return "empty model name";
    }
    if (name.length() > MAX_LENGTH) {
      return "model name longer than " + MAX_LENGTH + " characters";
    }
    char first = name.charAt(0);
    if (first == '.' || first == '-') {
      return "model name '" + Printable.escape(name) + "' starts with '" + first + "'";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || PUNCTUATION.indexOf(c) >= 0;
      if (!ok) {
        return "model name '"
            + Printable.escape(name)
            + "' has the character "
            + (c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c))
            + " (allowed: letters, digits and "
            + PUNCTUATION
            + ")";
      }
    }
    return null;
  }

  /**
   * Checks a name at a boundary.
   *
   * @param name the candidate
   * @param file where it was read (for the message)
   * @param line the 1-based line, or 0
   * @return the name
   * @throws BadInputException when {@link #problem} finds one
   */
  public static String check(String name, String file, long line) {
    String p = problem(name);
    if (p != null) {
      throw new BadInputException(file, line, p);
    }
    return name;
  }

  /**
   * The file for a model in an output folder, checked to stay directly inside it: a second line of
   * defence behind {@link #check}, should a name ever reach here unchecked.
   *
   * @param dir the output folder
   * @param name the model name
   * @param extension e.g. {@code ".csv"}
   * @return {@code dir/name + extension}
   * @throws BadInputException when the name is not valid or the file would leave {@code dir}
   */
  public static Path file(Path dir, String name, String extension) {
    check(name, dir.toString(), 0);
    Path base = dir.toAbsolutePath().normalize();
    Path f = base.resolve(name + extension).normalize();
    if (!base.equals(f.getParent())) {
      throw new BadInputException(
          dir.toString(), 0, "model name '" + Printable.escape(name) + "' leaves the folder");
    }
    return f;
  }
}
