package org.imagenetx.io;

/**
 * A user mistake in an input file: names the file, the 1-based line (0 when the problem is not on a
 * line, e.g. a missing file) and the cause, so the CLI can print it as one line without a stack
 * trace. The message escapes control characters ({@link Printable}): file names and model names in
 * it may come from a crafted input.
 */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final long line;
  private final String problem;

  /**
   * @param file the file (or zip entry, written {@code archive!entry}) the problem is in
   * @param line 1-based line number, or 0 when the problem is about the whole file
   * @param problem what is wrong, in words a user understands
   */
  public BadInputException(String file, long line, String problem) {
    super(Printable.escape(line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem));
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  /**
   * @return the file, or {@code archive!entry}
   */
  public String file() {
    return file;
  }

  /**
   * @return the 1-based line number, 0 when not about a line
   */
  public long line() {
    return line;
  }

  /**
   * @return the cause, without file and line
   */
  public String problem() {
    return problem;
  }
}
