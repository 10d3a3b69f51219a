package org.imagenetx.images;

/**
 * An image-set expression that cannot be parsed or names something that does not exist. The message
 * is one line, {@code at <column>: <problem>}, with the 1-based column of the offending token in
 * the expression, e.g. {@code at 13: unknown factor 'textur' (did you mean texture?)}. Front ends
 * show it as is.
 */
public final class ExpressionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int column;
  private final String problem;

  /**
   * @param column 1-based column of the offending token
   * @param problem what is wrong and, where possible, what would be right
   */
  public ExpressionException(int column, String problem) {
    // the problem quotes typed text: a newline or terminal code in it would break the one line
    super("at " + column + ": " + org.imagenetx.io.Printable.escape(problem));
    this.column = column;
    this.problem = org.imagenetx.io.Printable.escape(problem);
  }

  /**
   * @return the 1-based column of the offending token
   */
  public int column() {
    return column;
  }

  /**
   * @return the problem, without the column
   */
  public String problem() {
    return problem;
  }
}
