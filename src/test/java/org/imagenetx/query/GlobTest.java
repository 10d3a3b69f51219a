package org.imagenetx.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The linear glob against the regex translation it replaced (the oracle), on shaped inputs. */
class GlobTest {
  private static boolean oracle(String glob, String name) {
    StringBuilder sb = new StringBuilder();
    for (char ch : glob.toCharArray()) {
      sb.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
    }
    return Pattern.compile(sb.toString(), Pattern.DOTALL).matcher(name).matches();
  }

  @Test
  void examples() {
    assertThat(Glob.compile("*").matches("")).isTrue();
    assertThat(Glob.compile("").matches("")).isTrue();
    assertThat(Glob.compile("").matches("a")).isFalse();
    assertThat(Glob.compile("resnet*").matches("resnet50")).isTrue();
    assertThat(Glob.compile("*50").matches("resnet50")).isTrue();
    assertThat(Glob.compile("r?s*5?").matches("resnet50")).isTrue();
    assertThat(Glob.compile("a*a").matches("a")).isFalse();
    assertThat(Glob.compile("*a*b*a*").matches("xaxbxa")).isTrue();
    assertThat(Glob.compile("*a*b*a*").matches("xabx")).isFalse();
    assertThat(Glob.compile("*.*").matches("a.b")).isTrue();
    assertThat(Glob.compile("*.*").matches("ab")).isFalse();
  }

  @Test
  void agreesWithTheRegexOracleOnRandomPatterns() {
    SplittableRandom rnd = new SplittableRandom(15);
    String alphabet = "ab*?.";
    int checked = 0;
    for (int iter = 0; iter < 20_000; iter++) {
      String g = random(rnd, alphabet, rnd.nextInt(8));
      String n = random(rnd, "ab.", rnd.nextInt(10));
      assertThat(Glob.compile(g).matches(n)).as(g + " ~ " + n).isEqualTo(oracle(g, n));
      checked++;
    }
    assertThat(checked).isEqualTo(20_000);
  }

  @Test
  void hostileStarPatternsAreCheapAndOverlongOnesRefused() {
    String nine = "*a".repeat(9) + "*b";
    String name = "a".repeat(200);
    // the regex translation backtracks ~ 200^9 steps here; the glob does a bounded scan
    assertThat(Glob.compile(nine).matches(name)).isFalse();
    assertThat(Glob.compile(nine).matches(name + "b")).isTrue();
    assertThatThrownBy(() -> Glob.compile("*".repeat(Glob.MAX_LENGTH + 1)))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("longer than 256");
  }

  private static String random(SplittableRandom rnd, String alphabet, int len) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
