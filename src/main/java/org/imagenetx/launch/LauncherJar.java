package org.imagenetx.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Build step ({@code mvn package}, after the shade plugin): writes {@code target/imagenetx.jar},
 * the launcher, the client ({@code org.imagenetx.daemon}, {@code io.CacheDirectory}) and the tool's
 * jar stored uncompressed as {@value EngineJar#ENTRY}. Entries carry a fixed time, so the same
 * inputs give the same bytes.
 */
public final class LauncherJar {
  /** What the launcher's jar holds besides the tool's jar: the launcher and the client. */
  static final List<String> CLASSES =
      List.of("org/imagenetx/launch/", "org/imagenetx/daemon/", "org/imagenetx/io/CacheDirectory");

  /** 1980-02-01, as the shade plugin writes its entries. */
  private static final long TIME = 318_211_200_000L;

  private LauncherJar() {}

  /**
   * @param args the classes directory, the tool's jar, the launcher jar to write
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: LauncherJar <classes> <tool jar> <launcher jar>");
    }
    write(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
  }

  static void write(Path classes, Path engine, Path out) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(classes)) {
      all.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".class"))
          .filter(f -> included(classes.relativize(f).toString().replace('\\', '/')))
          .sorted()
          .forEach(files::add);
    }
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(Attributes.Name.MAIN_CLASS, Launcher.class.getName());
    Path partial = out.resolveSibling(out.getFileName() + ".partial");
    try (OutputStream os = Files.newOutputStream(partial);
        JarOutputStream jar = new JarOutputStream(os)) {
      JarEntry m = new JarEntry("META-INF/MANIFEST.MF");
      m.setTime(TIME);
      jar.putNextEntry(m);
      manifest.write(jar);
      jar.closeEntry();
      for (Path f : files) {
        JarEntry e = new JarEntry(classes.relativize(f).toString().replace('\\', '/'));
        e.setTime(TIME);
        jar.putNextEntry(e);
        Files.copy(f, jar);
        jar.closeEntry();
      }
      JarEntry e = new JarEntry(EngineJar.ENTRY);
      e.setTime(TIME);
      e.setMethod(JarEntry.STORED);
      e.setSize(Files.size(engine));
      e.setCompressedSize(Files.size(engine));
      e.setCrc(EngineJar.crc(engine));
      jar.putNextEntry(e);
      Files.copy(engine, jar);
      jar.closeEntry();
    }
    Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static boolean included(String path) {
    for (String prefix : CLASSES) {
      if (path.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
