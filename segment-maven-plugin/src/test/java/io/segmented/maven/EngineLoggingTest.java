package io.segmented.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The engine JVM's SLF4J loggers: the levels Maven's JVM shows, as the engine's log lines. */
class EngineLoggingTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private List<String> lines() {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private void logTo(boolean debug) {
    EngineLogging.to(
        new EngineLines.LineLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), debug));
  }

  @AfterEach
  void noLog() {
    EngineLogging.to(null);
  }

  @Test
  void testcontainersSaysWarningsAndOthersInfoAsInMavensJvm() {
    logTo(false);
    Logger docker = EngineLogging.logger("org.testcontainers.DockerClientFactory");
    Logger image = EngineLogging.logger("tc.segmented-it/redis:7");
    Logger other = EngineLogging.logger("io.zonky.test.db.postgres.embedded.EmbeddedPostgres");
    Logger notChatty = EngineLogging.logger("tcp.Server");
    docker.info("Connected to docker");
    docker.warn("Docker has {} GB free", 1);
    image.info("Creating container");
    other.info("Detected a {} system", "Linux x86_64");
    other.debug("not shown");
    notChatty.info("a logger whose name only begins with tc");
    assertFalse(docker.isInfoEnabled());
    assertTrue(other.isInfoEnabled());
    assertEquals(
        List.of(
            "W Docker has 1 GB free",
            "I Detected a Linux x86_64 system",
            "I a logger whose name only begins with tc"),
        lines());
  }

  @Test
  void debugShowsEverythingButTraceWithItsException() {
    logTo(true);
    Logger docker = EngineLogging.logger("com.github.dockerjava.api.command");
    docker.debug("Pulling {}", "redis:7", new IllegalStateException("slow"));
    docker.trace("never");
    List<String> lines = lines();
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(
        lines.get(0).startsWith("D Pulling redis:7\\njava.lang.IllegalStateException: slow"),
        lines.get(0));
  }

  @Test
  void saysNothingBeforeItHasALog() {
    Logger docker = EngineLogging.logger("org.testcontainers.DockerClientFactory");
    docker.error("lost");
    logTo(false);
    docker.error("said");
    assertEquals(List.of("E said"), lines());
  }
}
