package io.segmented.maven;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.logging.Log;
import org.slf4j.LoggerFactory;

/**
 * Testcontainers logs every container's creation and start at INFO; the run already logs one line
 * per fixture. Maven's logger reads per-logger levels from system properties when a logger is
 * created, so its loggers are set to WARN before the first one is, unless the user chose a level.
 *
 * <p>The property's name depends on Maven's logger: Maven 3's is built on slf4j-simple and reads
 * {@code org.slf4j.simpleLogger.log.<logger>}; Maven 4's own reads {@code
 * maven.logger.log.<logger>} and falls back to the old name only with an {@code SLF4J(W): Using
 * deprecated property} warning. So the level is set under the one name the running logger reads.
 */
final class TestcontainersLogging {

  static final List<String> CHATTY_LOGGERS =
      List.of("org.testcontainers", "tc", "com.github.dockerjava");

  /** The loggers Maven runs on, and the prefixes of the per-logger level properties they read. */
  enum MavenLogger {
    /**
     * Maven 4's {@code maven-logging}: the new name, and the old one with a deprecation warning.
     */
    MAVEN_4("maven.logger.log.", "org.slf4j.simpleLogger.log."),
    /** Maven 3's {@code maven-slf4j-provider} (slf4j-simple's configuration), or slf4j-simple. */
    SIMPLE_LOGGER("org.slf4j.simpleLogger.log.");

    private final List<String> prefixes;

    MavenLogger(String... prefixes) {
      this.prefixes = List.of(prefixes);
    }

    /**
     * The logger behind SLF4J's logger factory; Maven 4's lives in {@code org.apache.maven.slf4j}.
     */
    static MavenLogger of(String loggerFactoryClass) {
      return loggerFactoryClass.startsWith("org.apache.maven.slf4j.") ? MAVEN_4 : SIMPLE_LOGGER;
    }
  }

  private TestcontainersLogging() {}

  /** Sets the chatty loggers to WARN (DEBUG with {@code -X}), unless the user chose. */
  static void quiet(Log log) {
    MavenLogger logger = MavenLogger.of(LoggerFactory.getILoggerFactory().getClass().getName());
    levels(logger, log.isDebugEnabled(), System::getProperty).forEach(System::setProperty);
  }

  /**
   * The system properties that quiet the chatty loggers under the name {@code logger} reads; none
   * for a logger whose level the user set under any name {@code logger} reads.
   */
  static Map<String, String> levels(
      MavenLogger logger, boolean debug, UnaryOperator<String> systemProperties) {
    Map<String, String> levels = new LinkedHashMap<>();
    for (String name : CHATTY_LOGGERS) {
      boolean chosen =
          logger.prefixes.stream().anyMatch(p -> systemProperties.apply(p + name) != null);
      if (!chosen) {
        levels.put(logger.prefixes.get(0) + name, debug ? "debug" : "warn");
      }
    }
    return levels;
  }
}
