package io.segmented.engine.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Names of databases the plugin makes, kept within what a server accepts. */
public final class DatabaseNames {

  private DatabaseNames() {}

  /**
   * {@code stem} then {@code suffix}; where that is longer than {@code max} characters, the stem
   * cut short and followed by {@code _} and 8 hex digits of a hash of the whole stem, so that two
   * long stems stay two names, then the suffix.
   */
  public static String within(String stem, String suffix, int max) {
    String name = stem + suffix;
    if (name.length() <= max) {
      return name;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(stem.getBytes(StandardCharsets.UTF_8));
      String tail = "_" + HexFormat.of().formatHex(hash, 0, 4) + suffix;
      return stem.substring(0, max - tail.length()) + tail;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
