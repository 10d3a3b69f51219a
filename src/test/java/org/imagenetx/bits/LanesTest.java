package org.imagenetx.bits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The packed layout and its SWAR helpers against per-lane reference loops. */
class LanesTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, 4, 5, 63, 64, 65, 127, 1000, 50_000})
  void packRoundTripsAndIsTheLittleEndianShortLayout(int n) {
    SplittableRandom rnd = new SplittableRandom(n);
    short[] ids = new short[n];
    int missing = 0;
    for (int i = 0; i < n; i++) {
      ids[i] = rnd.nextInt(10) == 0 ? -1 : (short) rnd.nextInt(1000);
      missing += ids[i] < 0 ? 1 : 0;
    }
    long[] packed = new long[Lanes.numLongs(n)];
    Arrays.fill(packed, 0x1234L); // stale contents must be overwritten
    Lanes.pack(ids, n, packed);
    assertThat(packed.length).isEqualTo(16 * ((n + 63) / 64));
    for (int i = 0; i < n; i++) {
      assertThat(Lanes.get(packed, i)).as("image %d", i).isEqualTo(ids[i]);
    }
    for (int i = n; i < 4 * packed.length; i++) {
      assertThat(Lanes.get(packed, i)).as("padding lane %d", i).isEqualTo((short) -1);
    }
    assertThat(Lanes.countMissing(packed, n)).isEqualTo(missing);
    short[] back = new short[n];
    Lanes.unpack(packed, n, back);
    assertThat(back).isEqualTo(ids);

    // what a store block is: the ids as little-endian 16-bit values, read as longs
    ByteBuffer b = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
    b.asShortBuffer().put(ids);
    long[] viaBytes = new long[n / 4];
    b.asLongBuffer().get(viaBytes);
    for (int k = 0; k < n / 4; k++) {
      assertThat(packed[k]).isEqualTo(viaBytes[k]);
    }
  }

  @Test
  void setChangesOneLaneOnly() {
    long[] packed = new long[Lanes.numLongs(10)];
    Lanes.padTail(10, packed, 0);
    Lanes.set(packed, 5, (short) 999);
    Lanes.set(packed, 6, (short) 0);
    for (int i = 0; i < 10; i++) {
      assertThat(Lanes.get(packed, i))
          .isEqualTo(i == 5 ? (short) 999 : i == 6 ? (short) 0 : (short) -1);
    }
    assertThat(packed[1]).isEqualTo(0xFFFF_0000_03E7_FFFFL); // images 7, 6, 5, 4 from the top
  }

  @Test
  void gatherAndZeroLanesEqualPerLaneLoops() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int trial = 0; trial < 200_000; trial++) {
      long[] x = new long[4];
      for (int r = 0; r < 4; r++) {
        // lanes that are zero, one bit, 0x8000, 0xFFFF or random: the SWAR edge cases
        for (int k = 0; k < 4; k++) {
          long lane;
          switch (rnd.nextInt(5)) {
            case 0:
              lane = 0;
              break;
            case 1:
              lane = 1L << rnd.nextInt(16);
              break;
            case 2:
              lane = 0x8000;
              break;
            case 3:
              lane = 0xFFFF;
              break;
            default:
              lane = rnd.nextInt(1 << 16);
          }
          x[r] |= lane << (16 * k);
        }
      }
      long expectedNonZero = 0;
      long expectedSigns = 0;
      for (int r = 0; r < 4; r++) {
        for (int k = 0; k < 4; k++) {
          long lane = (x[r] >>> (16 * k)) & 0xFFFF;
          expectedNonZero |= (lane != 0 ? 1L : 0L) << (4 * r + k);
          expectedSigns |= ((lane >>> 15) & 1) << (4 * r + k);
        }
      }
      long nonZero =
          Lanes.gatherSigns(
              Lanes.nonZeroLanes(x[0]),
              Lanes.nonZeroLanes(x[1]),
              Lanes.nonZeroLanes(x[2]),
              Lanes.nonZeroLanes(x[3]));
      long signs =
          Lanes.gatherSigns(
              x[0] & Lanes.SIGN, x[1] & Lanes.SIGN, x[2] & Lanes.SIGN, x[3] & Lanes.SIGN);
      assertThat(nonZero).as("non-zero lanes of %s", Arrays.toString(x)).isEqualTo(expectedNonZero);
      assertThat(signs).as("sign bits of %s", Arrays.toString(x)).isEqualTo(expectedSigns);
    }
  }
}
