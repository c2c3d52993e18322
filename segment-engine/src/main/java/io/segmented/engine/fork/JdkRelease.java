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
      return version(release(home(java)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * What tells the JDK of {@code java} from another, for a class-data archive, which only the JDK
   * that made it maps: its version and build, and the size and time of its modules; none for a JDK
   * older than 17 or one that says not what it is.
   */
  static Optional<String> identity(Path java) {
    try {
      Path home = home(java);
      Properties p = release(home);
      Optional<String> version = version(p);
      if (version.isEmpty() || feature(version.get()) < 17) {
        return Optional.empty();
      }
      Path modules = home.resolve("lib").resolve("modules");
      return Optional.of(
          String.join(
              "|",
              version.get(),
              p.getProperty("JAVA_RUNTIME_VERSION", ""),
              p.getProperty("IMPLEMENTOR", ""),
              Long.toString(Files.size(modules)),
              Long.toString(Files.getLastModifiedTime(modules).toMillis())));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The JDK home of the {@code java} executable {@code java}, links followed. */
  private static Path home(Path java) throws IOException {
    return java.toRealPath().getParent().getParent();
  }

  /** The {@code JAVA_VERSION} of a {@code release} file; none when it does not say. */
  private static Optional<String> version(Properties release) {
    String v = release.getProperty("JAVA_VERSION", "").replace("\"", "").strip();
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  /** The {@code release} file of the JDK in {@code home}; an IOException when it has none. */
  private static Properties release(Path home) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(home.resolve("release"))) {
      p.load(in);
    }
    return p;
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
