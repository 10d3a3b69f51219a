package org.imagenetx.daemon;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imagenetx.io.CacheDirectory;

/**
 * What a command and a resident server must share for the server to run the command as the
 * command's own JVM would: the jar (path, size, modification time), the JVM, the user, the working
 * directory (relative paths resolve against it), the umask (permissions of created files) and every
 * environment variable the tool, picocli or the JVM reads ({@code LC_*} included). The full text is
 * compared by the server; the file names use its 64-bit hash.
 *
 * @param text every shared value, one per line
 * @param hash FNV-1a hash of {@code text}, 16 hex digits
 * @param jar the jar the command runs from
 * @param directory the directory of the sockets (in the cache directory)
 */
public record DaemonKey(String text, String hash, Path jar, Path directory) {
  /** The environment variable that turns the resident server off ({@code off}). */
  public static final String SWITCH = "IMAGENETX_DAEMON";

  /** The environment variables the tool and the JVM read: a server shares their values. */
  static final List<String> ENVIRONMENT =
      List.of(
          "IMAGENETX_CACHE",
          "XDG_CACHE_HOME",
          "HOME",
          "TMPDIR",
          "TZ",
          "LANG",
          "LANGUAGE",
          "JAVA_TOOL_OPTIONS",
          "JDK_JAVA_OPTIONS",
          "_JAVA_OPTIONS",
          "FONTCONFIG_FILE",
          "FONTCONFIG_PATH",
          "TERM",
          "NO_COLOR",
          "CLICOLOR",
          "CLICOLOR_FORCE");

  /** sun_path holds 108 bytes; a longer socket path cannot be bound. */
  private static final int MAX_SOCKET_PATH = 100;

  /**
   * The key of this JVM, when it may use a resident server: on Linux, started as {@code java -jar
   * <jar> <args>} with no JVM option (a JVM option may not mean the same in a shared server), a
   * cache directory, and {@value #SWITCH} not {@code off}.
   *
   * @param args the command's arguments (the tail of the process's command line)
   * @return the key, or null when this JVM runs every command itself
   */
  public static DaemonKey of(String[] args) {
    if ("off".equalsIgnoreCase(System.getenv(SWITCH)) || !"Linux".equals(os())) {
      return null;
    }
    List<String> cmdline = cmdline();
    return cmdline == null ? null : of(cmdline, args, CacheDirectory.resolve());
  }

  /**
   * @param cmdline the process's command line, the executable first
   * @param args the command's arguments
   * @param cache the cache directory, or null when it is off
   * @return the key, or null when the command line is not {@code java -jar <jar> <args>}
   */
  static DaemonKey of(List<String> cmdline, String[] args, Path cache) {
    int n = cmdline.size() - args.length;
    if (cache == null || n != 3 || !cmdline.get(1).equals("-jar")) {
      return null;
    }
    for (int i = 0; i < args.length; i++) {
      if (!cmdline.get(n + i).equals(args[i])) {
        return null;
      }
    }
    Path jar = Path.of(cmdline.get(2)).toAbsolutePath().normalize();
    File jarFile = jar.toFile();
    long size = jarFile.length();
    if (size == 0) {
      return null;
    }
    StringBuilder text = new StringBuilder("imagenetx-daemon 1\n");
    text.append("jar ").append(jar).append(' ').append(size).append(' ');
    text.append(jarFile.lastModified()).append('\n');
    text.append("java ").append(System.getProperty("java.home")).append(' ');
    text.append(System.getProperty("java.vm.version")).append('\n');
    text.append("user ").append(System.getProperty("user.name")).append('\n');
    text.append("cwd ").append(System.getProperty("user.dir")).append('\n');
    text.append("umask ").append(umask()).append('\n');
    java.util.Map<String, String> env = System.getenv();
    for (String name : new java.util.TreeSet<>(env.keySet())) {
      if (ENVIRONMENT.contains(name) || name.startsWith("LC_")) {
        text.append(name).append('=').append(env.get(name).replace('\n', ' ')).append('\n');
      }
    }
    String t = text.toString();
    Path directory = cache.toAbsolutePath().resolve("daemon");
    String hash = hash(t);
    if (directory.resolve(hash + ".sock").toString().getBytes(StandardCharsets.UTF_8).length
        > MAX_SOCKET_PATH) {
      return null;
    }
    return new DaemonKey(t, hash, jar, directory);
  }

  /**
   * @return the socket the server of this key listens on
   */
  public Path socket() {
    return directory.resolve(hash + ".sock");
  }

  /**
   * @return the file the server of this key holds locked while it runs
   */
  Path lock() {
    return directory.resolve(hash + ".lock");
  }

  /**
   * @return the marker a server leaves when its socket cannot be bound
   */
  Path failed() {
    return directory.resolve(hash + ".failed");
  }

  /**
   * @return the server's standard output and error
   */
  public Path log() {
    return directory.resolve(hash + ".log");
  }

  static String hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    // not String.format: a client's start would pay for the Formatter's classes
    String hex = Long.toHexString(h);
    return "0".repeat(16 - hex.length()) + hex;
  }

  private static String os() {
    return System.getProperty("os.name");
  }

  /**
   * @return the process's umask (it sets the permissions of what a command creates), from {@code
   *     /proc/self/status}, or "?" when it cannot be read
   */
  private static String umask() {
    try (FileInputStream in = new FileInputStream("/proc/self/status")) {
      String status = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      int at = status.indexOf("Umask:");
      if (at >= 0) {
        int end = status.indexOf('\n', at);
        return status.substring(at + 6, end < 0 ? status.length() : end).trim();
      }
    } catch (IOException e) {
      // below
    }
    return "?";
  }

  /** The process's command line from {@code /proc}: cheap, and it shows the JVM options. */
  private static List<String> cmdline() {
    byte[] bytes;
    try (FileInputStream in = new FileInputStream("/proc/self/cmdline")) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        parts.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    return parts;
  }
}
