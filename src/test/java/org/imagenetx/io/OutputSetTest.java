package org.imagenetx.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 4: a set of output files is published as one unit; a failure part-way, while
 * writing or while moving into place, leaves the previous set whole and no part of the new one.
 */
class OutputSetTest {
  @TempDir Path tmp;
  Path out;

  @BeforeEach
  void previousSet() throws IOException {
    out = tmp.resolve("out");
    Files.createDirectories(out.resolve("sub"));
    Files.writeString(out.resolve("a.csv"), "old a");
    Files.writeString(out.resolve("sub/b.csv"), "old b");
    Files.writeString(out.resolve("c.csv"), "old c");
    Files.writeString(out.resolve("unrelated.txt"), "mine");
  }

  private void assertPreviousSetWhole() throws IOException {
    assertThat(Files.readString(out.resolve("a.csv"))).isEqualTo("old a");
    assertThat(Files.readString(out.resolve("sub/b.csv"))).isEqualTo("old b");
    assertThat(Files.readString(out.resolve("c.csv"))).isEqualTo("old c");
    assertThat(Files.readString(out.resolve("unrelated.txt"))).isEqualTo("mine");
    assertThat(out.resolve("new.csv")).doesNotExist();
    assertNoDebris();
  }

  private void assertNoDebris() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out");
    }
  }

  private static void write(OutputSet set, String rel, String text) {
    AtomicFiles.writeString(set.folder().resolve(rel), text);
  }

  @Test
  void aCommittedSetReplacesItsFilesKeepsOthersAndTheirPermissions() throws IOException {
    Files.setPosixFilePermissions(
        out.resolve("a.csv"), PosixFilePermissions.fromString("rw-rw----"));
    List<Path> written;
    try (OutputSet set = OutputSet.begin(out)) {
      write(set, "a.csv", "new a");
      write(set, "sub/b.csv", "new b");
      write(set, "deeper/new.csv", "new");
      // nothing is in place before the commit
      assertThat(Files.readString(out.resolve("a.csv"))).isEqualTo("old a");
      assertThat(out.resolve("deeper")).doesNotExist();
      written = set.commit();
      assertThat(set.committed()).isTrue();
    }
    assertThat(written)
        .containsExactly(
            out.resolve("a.csv"), out.resolve("deeper/new.csv"), out.resolve("sub/b.csv"));
    assertThat(Files.readString(out.resolve("a.csv"))).isEqualTo("new a");
    assertThat(Files.readString(out.resolve("sub/b.csv"))).isEqualTo("new b");
    assertThat(Files.readString(out.resolve("deeper/new.csv"))).isEqualTo("new");
    assertThat(Files.readString(out.resolve("c.csv"))).isEqualTo("old c");
    assertThat(Files.readString(out.resolve("unrelated.txt"))).isEqualTo("mine");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("a.csv"))))
        .isEqualTo("rw-rw----");
    assertNoDebris();
  }

  @Test
  void aFailureWhileWritingLeavesThePreviousSetWhole() throws IOException {
    assertThatThrownBy(
            () -> {
              try (OutputSet set = OutputSet.begin(out)) {
                write(set, "a.csv", "new a");
                write(set, "new.csv", "new");
                // e.g. a full disk or a failed computation at the third file
                AtomicFiles.write(
                    set.folder().resolve("c.csv"),
                    o -> {
                      o.write("half".getBytes());
                      throw new IOException("No space left on device");
                    });
                set.commit();
              }
            })
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("No space left on device");
    assertPreviousSetWhole();
  }

  @Test
  void aFailureWhileMovingIntoPlaceMovesBackWhatWasMoved() throws IOException {
    // a folder where the set's third file goes (sorted: a.csv, new.csv, sub/b.csv)
    Files.delete(out.resolve("sub/b.csv"));
    Files.createDirectories(out.resolve("sub/b.csv/inside"));
    try (OutputSet set = OutputSet.begin(out)) {
      write(set, "a.csv", "new a");
      write(set, "new.csv", "new");
      write(set, "sub/b.csv", "new b");
      write(set, "z/c.csv", "new c");
      assertThatThrownBy(set::commit)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("sub/b.csv: a folder is in the way")
          .hasMessageContaining("the previous files are as they were")
          .message()
          .doesNotContain("\n");
      assertThat(set.committed()).isFalse();
    }
    assertThat(Files.readString(out.resolve("a.csv"))).isEqualTo("old a");
    assertThat(out.resolve("new.csv")).doesNotExist();
    assertThat(out.resolve("sub/b.csv/inside")).isDirectory();
    assertThat(out.resolve("z")).doesNotExist();
    assertThat(Files.readString(out.resolve("c.csv"))).isEqualTo("old c");
    assertNoDebris();
  }

  @Test
  void aReadOnlyFolderFailsTheCommitAndRestoresTheFilesMovedBefore() throws IOException {
    Files.createDirectories(out.resolve("ro"));
    Files.writeString(out.resolve("ro/d.csv"), "old d");
    Files.setPosixFilePermissions(out.resolve("ro"), PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      // root writes anyway; the folder-in-the-way case above fails the commit for everyone
      assumeFalse(Files.isWritable(out.resolve("ro")), "running as root");
      try (OutputSet set = OutputSet.begin(out)) {
        write(set, "a.csv", "new a");
        write(set, "ro/d.csv", "new d");
        assertThatThrownBy(set::commit).isInstanceOf(UncheckedIOException.class);
      }
      assertThat(Files.readString(out.resolve("a.csv"))).isEqualTo("old a");
      assertThat(Files.readString(out.resolve("ro/d.csv"))).isEqualTo("old d");
      assertNoDebris();
    } finally {
      Files.setPosixFilePermissions(
          out.resolve("ro"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aNewOutputFolderIsNotCreatedWhenTheSetFails() throws IOException {
    Path fresh = tmp.resolve("fresh");
    try (OutputSet set = OutputSet.begin(fresh)) {
      write(set, "a.csv", "new a");
      // no commit: the command failed
    }
    assertThat(fresh).doesNotExist();
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out");
    }
  }

  @Test
  void stagingFoldersOfDeadProcessesAreSwept() throws IOException {
    Path stale = tmp.resolve(".out.2147483646.1.staging");
    Files.createDirectories(stale.resolve("x"));
    Files.writeString(stale.resolve("x/a.csv"), "debris");
    Path foreign = tmp.resolve(".out.notapid.1.staging");
    Files.createDirectories(foreign);
    try (OutputSet set = OutputSet.begin(out)) {
      assertThat(stale).doesNotExist();
      assertThat(foreign).exists();
    }
  }
}
