package org.imagenetx.query;

/**
 * A query the session cannot answer because of what the user typed (unknown model, factor or
 * option, bad number). Front ends show the message as is: in the shell as one line, over HTTP as a
 * 4xx body. It never carries a stack trace to the user, and its message escapes control characters
 * (the typed text it quotes may hold newlines or terminal codes).
 */
public final class QueryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong and, where possible, what would be right
   */
  public QueryException(String message) {
    super(org.imagenetx.io.Printable.escape(message));
  }
}
