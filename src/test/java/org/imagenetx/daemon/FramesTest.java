package org.imagenetx.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FramesTest {
  private static byte[] bytes(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.get(a);
    return a;
  }

  private static Frames.Request read(byte[] bytes) throws IOException {
    return Frames.readRequest(Channels.newChannel(new ByteArrayInputStream(bytes)));
  }

  @Test
  void requestRoundTrips() throws IOException {
    String[] args = {"images", "pose & ~background", "--zoo", "/tmp/zoo ü", ""};
    Frames.Request r = read(bytes(Frames.encode(new Frames.Request("k\ney", "/w d", true, args))));
    assertThat(r.key()).isEqualTo("k\ney");
    assertThat(r.cwd()).isEqualTo("/w d");
    assertThat(r.tty()).isTrue();
    assertThat(r.args()).containsExactly(args);
    assertThat(read(bytes(Frames.encode(new Frames.Request("", "", false, new String[0])))).args())
        .isEmpty();
  }

  @Test
  void notARequestIsAnIoException() {
    byte[] valid =
        bytes(Frames.encode(new Frames.Request("key", "/", false, new String[] {"ratios"})));
    // every truncation, and random damage: an IOException, never another exception
    for (int n = 0; n < valid.length; n++) {
      byte[] cut = Arrays.copyOf(valid, n);
      assertThatThrownBy(() -> read(cut)).isInstanceOf(IOException.class);
    }
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 2000; i++) {
      byte[] damaged = valid.clone();
      damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
      try {
        read(damaged);
      } catch (IOException e) {
        // refused: fine
      }
    }
    byte[] huge =
        ByteBuffer.allocate(8).putInt(Frames.MAX_REQUEST + 1).putInt(Frames.MAGIC).array();
    assertThatThrownBy(() -> read(huge)).hasMessageContaining("not a request");
    byte[] magic = valid.clone();
    magic[4] ^= 1;
    assertThatThrownBy(() -> read(magic)).hasMessageContaining("magic");
  }
}
