package org.imagenetx.bits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SWAR eight-digit reader against its plain twin, on digits, near-digits and any byte. */
class DigitsTest {
  /** The bytes around the digit range, where a wrong mask would pass or fail one too many. */
  private static final byte[] NEAR = {'/', ':', '0', '9', 0, (byte) 0xFF, (byte) 0x80, (byte) 0xFA};

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void equalsThePlainLoop(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[] buf = new byte[24];
    for (int trial = 0; trial < 200_000; trial++) {
      int off = rnd.nextInt(buf.length - 7);
      for (int i = 0; i < buf.length; i++) {
        int kind = rnd.nextInt(10);
        buf[i] =
            kind < 8
                ? (byte) ('0' + rnd.nextInt(10))
                : kind == 8 ? NEAR[rnd.nextInt(NEAR.length)] : (byte) rnd.nextInt(256);
      }
      assertThat(Digits.eight(buf, off))
          .as("%s at %d", new String(buf, StandardCharsets.ISO_8859_1), off)
          .isEqualTo(Digits.eightPlain(buf, off));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"00000000", "00000001", "00050000", "12345678", "99999999", "10000000"})
  void readsEveryDigit(String digits) {
    byte[] buf = ("x" + digits + "y").getBytes(StandardCharsets.US_ASCII);
    assertThat(Digits.eight(buf, 1)).isEqualTo(Integer.parseInt(digits));
    for (int i = 1; i <= 8; i++) {
      for (byte b : NEAR) {
        if (b < '0' || b > '9') {
          byte[] bad = buf.clone();
          bad[i] = b;
          assertThat(Digits.eight(bad, 1)).as("byte %d = %d", i, b).isEqualTo(-1);
        }
      }
    }
  }
}
