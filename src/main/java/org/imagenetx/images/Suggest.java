package org.imagenetx.images;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" for misspelt names: the candidates closest to what was typed by edit distance
 * (Levenshtein, case-insensitive), within a distance that grows with the length of the name.
 */
final class Suggest {
  /** At most this many suggestions are named. */
  static final int MAX = 3;

  private Suggest() {}

  /**
   * @param typed what the user typed
   * @param candidates valid names
   * @return up to {@link #MAX} candidates at the smallest distance, if that distance is at most
   *     {@code max(1, length/3)}; in candidate order
   */
  static List<String> closest(String typed, Iterable<String> candidates) {
    String t = typed.toLowerCase(Locale.ROOT);
    int limit = Math.max(1, t.length() / 3);
    int best = limit + 1;
    List<String> out = new ArrayList<>();
    int[] prev = new int[t.length() + 1];
    int[] cur = new int[t.length() + 1];
    for (String c : candidates) {
      if (Math.abs(c.length() - t.length()) > limit) {
        continue;
      }
      int d = distance(t, c.toLowerCase(Locale.ROOT), prev, cur);
      if (d < best) {
        best = d;
        out.clear();
      }
      if (d == best && out.size() < MAX) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * @param typed what the user typed
   * @param candidates valid names
   * @return {@code " (did you mean a or b?)"}, or an empty string
   */
  static String didYouMean(String typed, Iterable<String> candidates) {
    List<String> c = closest(typed, candidates);
    return c.isEmpty() ? "" : " (did you mean " + String.join(" or ", c) + "?)";
  }

  /** Levenshtein distance with two caller rows of length {@code a.length() + 1}. */
  static int distance(String a, String b, int[] prev, int[] cur) {
    for (int i = 0; i <= a.length(); i++) {
      prev[i] = i;
    }
    for (int j = 1; j <= b.length(); j++) {
      cur[0] = j;
      char bj = b.charAt(j - 1);
      for (int i = 1; i <= a.length(); i++) {
        int cost = a.charAt(i - 1) == bj ? 0 : 1;
        cur[i] = Math.min(Math.min(cur[i - 1] + 1, prev[i] + 1), prev[i - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[a.length()];
  }
}
