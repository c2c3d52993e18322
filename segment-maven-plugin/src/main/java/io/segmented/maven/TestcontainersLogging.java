package io.segmented.maven;

import java.util.List;
import org.apache.maven.plugin.logging.Log;

/**
 * Testcontainers logs every container's creation and start at INFO; the run already logs one line
 * per fixture. Maven's logger reads per-logger levels from system properties when a logger is
 * created, so its loggers are set to WARN before the first one is, unless the user chose a level.
 */
final class TestcontainersLogging {

  private static final List<String> CHATTY_LOGGERS =
      List.of("org.testcontainers", "tc", "com.github.dockerjava");

  private TestcontainersLogging() {}

  /** Sets the chatty loggers to WARN (DEBUG with {@code -X}), unless the user chose. */
  static void quiet(Log log) {
    for (String logger : CHATTY_LOGGERS) {
      String key = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(key) == null) {
        System.setProperty(key, log.isDebugEnabled() ? "debug" : "warn");
      }
    }
  }
}
