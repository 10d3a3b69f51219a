package org.imagenetx.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer at a time for a file that is read, changed and rewritten (a zoo store under {@code zoo
 * add}): an advisory lock on {@code .<name>.lock} beside it, held from before the read until the
 * new file is in place, so two overlapping writers serialise instead of each rewriting the version
 * it read (issue 15: two {@code zoo add} kept one of the two added models, 3 of 3 tries). A second
 * writer waits. The lock file stays (deleting it would let a third writer lock a new inode while
 * the second holds the old). Within one JVM an in-process lock is taken first, as file locks are
 * per process.
 */
public final class WriterLock implements AutoCloseable {
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
      new ConcurrentHashMap<>();

  private final ReentrantLock local;
  private final FileChannel channel;
  private final FileLock lock;

  private WriterLock(ReentrantLock local, FileChannel channel, FileLock lock) {
    this.local = local;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Waits for and takes the write lock of {@code target}.
   *
   * @param target the file to be rewritten (need not exist)
   * @return the held lock; close to release
   * @throws BadInputException when the lock file cannot be created (e.g. a read-only folder)
   */
  public static WriterLock acquire(Path target) {
    Path abs = target.toAbsolutePath().normalize();
    ReentrantLock local = IN_PROCESS.computeIfAbsent(abs, p -> new ReentrantLock());
    local.lock();
    FileChannel ch = null;
    try {
      Files.createDirectories(abs.getParent());
      Path lockFile = abs.resolveSibling("." + abs.getFileName() + ".lock");
      ch =
          FileChannel.open(
              lockFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.READ);
      return new WriterLock(local, ch, ch.lock());
    } catch (IOException | RuntimeException e) {
      local.unlock();
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException ignored) {
          // nothing was written
        }
      }
      if (e instanceof BadInputException b) {
        throw b;
      }
      throw new BadInputException(
          target.toString(), 0, "cannot lock for writing: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // closing the channel releases the lock in any case
    } finally {
      local.unlock();
    }
  }
}
