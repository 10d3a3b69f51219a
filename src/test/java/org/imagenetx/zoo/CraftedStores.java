package org.imagenetx.zoo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Crafts hostile stores the way anyone can: rewrites a valid store's directory and recomputes its
 * checksums, so only validation (not the checksums) can refuse the result.
 */
public final class CraftedStores {
  private CraftedStores() {}

  /**
   * Renames the first model of a store. The directory keeps its length (the model's provenance is
   * padded or cut to compensate), so the data blocks stay where they are.
   *
   * @param store a valid store file, rewritten in place
   * @param newName the crafted name (any bytes, including empty)
   */
  public static void renameFirstModel(Path store, String newName) {
    try {
      ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(store)).order(ByteOrder.LITTLE_ENDIAN);
      int numModels = file.getInt(16);
      int dirLength = file.getInt(40);
      int at = 64 + numModels * 16;
      int nameLen = file.getShort(at) & 0xFFFF;
      int provLen = file.getShort(at + 2 + nameLen) & 0xFFFF;
      byte[] name = newName.getBytes(StandardCharsets.UTF_8);
      int newProvLen = provLen + nameLen - name.length;
      if (newProvLen < 0) {
        throw new IllegalArgumentException("crafted name longer than name + provenance");
      }
      ByteBuffer dir = ByteBuffer.allocate(dirLength).order(ByteOrder.LITTLE_ENDIAN);
      dir.put(file.array(), 64, numModels * 16);
      dir.putShort((short) name.length).put(name);
      dir.putShort((short) newProvLen);
      for (int i = 0; i < newProvLen; i++) {
        dir.put((byte) 'p');
      }
      int rest = at + 2 + nameLen + 2 + provLen;
      dir.put(file.array(), rest, 64 + dirLength - rest);
      System.arraycopy(dir.array(), 0, file.array(), 64, dirLength);
      resealHeader(file, dirLength);
      Files.write(store, file.array());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Overwrites the header's model count and reseals the header (directory untouched).
   *
   * @param store a valid store file, rewritten in place
   * @param numModels the crafted count
   */
  public static void setModelCount(Path store, int numModels) {
    try {
      ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(store)).order(ByteOrder.LITTLE_ENDIAN);
      file.putInt(16, numModels);
      file.putInt(48, 0);
      StoreFormat.Header h =
          StoreFormat.Header.readFrom(file.duplicate().order(ByteOrder.LITTLE_ENDIAN));
      file.putLong(48, h.expectedLength());
      CRC32C c = new CRC32C();
      c.update(file.array(), 0, 60);
      file.putInt(60, (int) c.getValue());
      Files.write(store, java.util.Arrays.copyOf(file.array(), (int) h.expectedLength()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void resealHeader(ByteBuffer file, int dirLength) {
    CRC32C c = new CRC32C();
    c.update(file.array(), 64, dirLength);
    file.putInt(44, (int) c.getValue());
    c.reset();
    c.update(file.array(), 0, 60);
    file.putInt(60, (int) c.getValue());
  }
}
