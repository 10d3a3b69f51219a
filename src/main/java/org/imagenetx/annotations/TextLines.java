package org.imagenetx.annotations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.imagenetx.io.BadInputException;

/**
 * The lines of one UTF-8 text file of the release, numbered as an editor numbers them, with blank
 * lines skipped and a read failure turned into the one-line error of the file. Every line-oriented
 * reader of {@link AnnotationParser} walks its file through this one loop.
 */
final class TextLines implements AutoCloseable {
  private final String file;
  private final BufferedReader in;
  private String line;
  private long number;

  private TextLines(String file, BufferedReader in) {
    this.file = file;
    this.in = in;
  }

  /**
   * @param source where the release's files are
   * @param name the file's name in the source
   * @return its lines
   */
  static TextLines open(AnnotationSource source, String name) {
    return new TextLines(
        source.describe(name),
        new BufferedReader(
            new InputStreamReader(source.open(name), StandardCharsets.UTF_8), 1 << 16));
  }

  /**
   * @return the file as errors name it
   */
  String file() {
    return file;
  }

  /**
   * Reads the first line as a header (blank or not).
   *
   * @return it, or null when the file is empty
   */
  String header() {
    String h = read();
    if (h != null) {
      number++;
    }
    return h;
  }

  /**
   * Advances to the next non-blank line.
   *
   * @return false at the end of the file
   */
  boolean next() {
    while ((line = read()) != null) {
      number++;
      if (!line.isBlank()) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return the current line
   */
  String line() {
    return line;
  }

  /**
   * @return the current line's 1-based number in the file
   */
  long number() {
    return number;
  }

  /**
   * @param cause what is wrong with the current line
   * @return the one-line error naming file and line, to throw
   */
  BadInputException bad(String cause) {
    return new BadInputException(file, number, cause);
  }

  private String read() {
    try {
      return in.readLine();
    } catch (IOException e) {
      throw new BadInputException(file, 0, "cannot read: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // an input that was read is not changed by a failed close: nothing to report
    }
  }
}
