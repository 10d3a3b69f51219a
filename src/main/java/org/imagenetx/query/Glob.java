package org.imagenetx.query;

/**
 * A model-name glob ({@code *} any run, {@code ?} one character) matched without regular
 * expressions. A translated regex backtracks: {@code .*} per star made a 9-star pattern cost 12 s
 * per request in the explorer (issue 15). Here consecutive stars collapse, the pattern splits at
 * the stars into literal segments, the first is matched as a prefix, the last as a suffix and the
 * others leftmost-first in between (leftmost is always safe for a star-separated segment), so one
 * match costs at most {@code name length × pattern length} character comparisons and no state; with
 * the pattern bounded to {@value #MAX_LENGTH} characters that is a fixed bound per model.
 */
public final class Glob {
  /** Longest pattern accepted: longer than any model name ({@code zoo.ModelNames}). */
  public static final int MAX_LENGTH = 256;

  /** Literal segments between stars; the first and last are anchored to the name's ends. */
  private final String[] segments;

  private Glob(String[] segments) {
    this.segments = segments;
  }

  /**
   * @param pattern a glob
   * @return the compiled glob
   * @throws QueryException when longer than {@value #MAX_LENGTH} characters
   */
  public static Glob compile(String pattern) {
    if (pattern.length() > MAX_LENGTH) {
      throw new QueryException(
          "pattern of " + pattern.length() + " characters is longer than " + MAX_LENGTH);
    }
    java.util.List<String> parts = new java.util.ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    parts.add(cur.toString());
    // drop empty middle segments (from "**"); the first and last stay as the anchors
    java.util.List<String> kept = new java.util.ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      if (i == 0 || i == parts.size() - 1 || !parts.get(i).isEmpty()) {
        kept.add(parts.get(i));
      }
    }
    return new Glob(kept.toArray(new String[0]));
  }

  /**
   * @param name a model name
   * @return true when the whole name matches
   */
  public boolean matches(String name) {
    int last = segments.length - 1;
    if (last == 0) {
      return name.length() == segments[0].length() && regionMatches(name, 0, segments[0]);
    }
    String first = segments[0];
    String end = segments[last];
    if (first.length() + end.length() > name.length()
        || !regionMatches(name, 0, first)
        || !regionMatches(name, name.length() - end.length(), end)) {
      return false;
    }
    int from = first.length();
    int limit = name.length() - end.length();
    for (int s = 1; s < last; s++) {
      int at = find(name, from, limit, segments[s]);
      if (at < 0) {
        return false;
      }
      from = at + segments[s].length();
    }
    return true;
  }

  /** Leftmost position in {@code [from, limit)} where {@code seg} matches, or -1. */
  private static int find(String name, int from, int limit, String seg) {
    for (int i = from; i + seg.length() <= limit; i++) {
      if (regionMatches(name, i, seg)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean regionMatches(String name, int at, String seg) {
    for (int k = 0; k < seg.length(); k++) {
      char p = seg.charAt(k);
      if (p != '?' && p != name.charAt(at + k)) {
        return false;
      }
    }
    return true;
  }
}
