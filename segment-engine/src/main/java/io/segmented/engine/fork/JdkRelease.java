package io.segmented.engine.fork;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** The version of a JDK, as its {@code release} file gives it, found from its {@code java}. */
final class JdkRelease {

  private JdkRelease() {}

  /**
   * The {@code JAVA_VERSION} of the JDK whose {@code java} executable is {@code java} (links
   * followed), such as {@code 17.0.15}; none when it has no readable {@code release} file.
   */
  static Optional<String> version(Path java) {
    try {
      Path home = java.toRealPath().getParent().getParent();
      Path release = home.resolve("release");
      if (!Files.isRegularFile(release)) {
        return Optional.empty();
      }
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(release)) {
        p.load(in);
      }
      String v = p.getProperty("JAVA_VERSION", "").replace("\"", "").strip();
      return v.isEmpty() ? Optional.empty() : Optional.of(v);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The feature release of {@code version}: 17 of {@code 17.0.15}, 8 of {@code 1.8.0_392}. */
  static int feature(String version) {
    String[] parts = version.split("[._+-]");
    try {
      int first = Integer.parseInt(parts[0]);
      return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
