package io.segmented.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmented.maven.TestcontainersLogging.MavenLogger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Testcontainers is quieted under the property name the running Maven's logger reads. */
class TestcontainersLoggingTest {

  @Test
  void knowsMavenLoggersByTheirFactory() {
    assertEquals(MavenLogger.MAVEN_4, MavenLogger.of("org.apache.maven.slf4j.MavenLoggerFactory"));
    assertEquals(
        MavenLogger.SIMPLE_LOGGER, MavenLogger.of("org.slf4j.impl.MavenSimpleLoggerFactory"));
    assertEquals(MavenLogger.SIMPLE_LOGGER, MavenLogger.of("org.slf4j.simple.SimpleLoggerFactory"));
  }

  @Test
  void maven3ReadsTheSlf4jSimpleNames() {
    assertEquals(
        Map.of(
            "org.slf4j.simpleLogger.log.org.testcontainers", "warn",
            "org.slf4j.simpleLogger.log.tc", "warn",
            "org.slf4j.simpleLogger.log.com.github.dockerjava", "warn"),
        TestcontainersLogging.levels(MavenLogger.SIMPLE_LOGGER, false, name -> null));
  }

  @Test
  void maven4ReadsItsOwnNamesOnly() {
    assertEquals(
        Map.of(
            "maven.logger.log.org.testcontainers", "debug",
            "maven.logger.log.tc", "debug",
            "maven.logger.log.com.github.dockerjava", "debug"),
        TestcontainersLogging.levels(MavenLogger.MAVEN_4, true, name -> null));
  }

  @Test
  void leavesALevelTheUserChoseUnderANameTheLoggerReads() {
    Map<String, String> user =
        Map.of(
            "org.slf4j.simpleLogger.log.org.testcontainers", "info",
            "maven.logger.log.tc", "info");

    assertEquals(
        Map.of("maven.logger.log.com.github.dockerjava", "warn"),
        TestcontainersLogging.levels(MavenLogger.MAVEN_4, false, user::get));
    assertEquals(
        Map.of(
            "org.slf4j.simpleLogger.log.tc", "warn",
            "org.slf4j.simpleLogger.log.com.github.dockerjava", "warn"),
        TestcontainersLogging.levels(MavenLogger.SIMPLE_LOGGER, false, user::get));
  }
}
