package org.imagenetx.io;

import java.nio.file.Path;

/**
 * The per-user directory the tool keeps derived files in: annotation snapshots of user-given
 * sources and the sockets of resident servers. Everything in it can be deleted at any time; it is
 * rebuilt on use.
 *
 * <p>The directory is {@code -Dimagenetx.cache}, else {@code $IMAGENETX_CACHE}, else {@code
 * $XDG_CACHE_HOME/imagenetx}, else {@code ~/.cache/imagenetx}; the value {@code off} disables it.
 */
public final class CacheDirectory {
  private CacheDirectory() {}

  /**
   * @return the cache directory (which may not exist yet), or null when it is off
   */
  public static Path resolve() {
    String v = System.getProperty("imagenetx.cache");
    if (v == null) {
      v = System.getenv("IMAGENETX_CACHE");
    }
    if (v != null && !v.isBlank()) {
      return v.trim().equalsIgnoreCase("off") ? null : Path.of(v.trim());
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "imagenetx");
    }
    String home = System.getProperty("user.home");
    return home == null ? null : Path.of(home, ".cache", "imagenetx");
  }
}
