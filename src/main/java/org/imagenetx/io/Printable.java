package org.imagenetx.io;

/**
 * Makes untrusted text safe to print on one terminal line: control characters (C0, DEL, C1), line
 * and paragraph separators and bidirectional overrides are shown as backslash-x or backslash-u
 * escapes, so a crafted model name or path can neither move the cursor, recolour the terminal,
 * reorder what is shown nor break the one-line error rule.
 */
public final class Printable {
  private Printable() {}

  /**
   * @param text any text, or null
   * @return the text with every unprintable character escaped ({@code "null"} for null)
   */
  public static String escape(String text) {
    if (text == null) {
      return "null";
    }
    int i = 0;
    while (i < text.length() && !unsafe(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!unsafe(c)) {
        sb.append(c);
      } else if (c < 0x100) {
        sb.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
      } else {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }

  /**
   * @param c a UTF-16 unit
   * @return true for controls, line/paragraph separators, bidi controls and lone surrogates' kin
   *     that terminals interpret
   */
  static boolean unsafe(char c) {
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
      return true;
    }
    return c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e'
        || c == '\u200f'
        || c == '\u061c';
  }
}
