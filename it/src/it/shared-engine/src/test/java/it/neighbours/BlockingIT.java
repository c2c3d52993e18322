package it.neighbours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Tells verify.groovy that it runs, with its fixture up, by writing
 * target/blocking-test.properties; then waits for the build to be stopped.
 */
class BlockingIT {

  @Test
  void waitsUntilTheBuildIsStopped() throws Exception {
    assertEquals("+PONG", RedisPing.ping());
    Properties running = new Properties();
    running.setProperty("test.jvm.pid", String.valueOf(ProcessHandle.current().pid()));
    running.setProperty(
        "build.pid", String.valueOf(ProcessHandle.current().parent().orElseThrow().pid()));
    running.setProperty("redis.port", System.getProperty("fixtures.cache.port"));
    Path target = Path.of(System.getProperty("segment.basedir"), "target");
    Path partial = target.resolve("blocking-test.properties.part");
    try (OutputStream out = Files.newOutputStream(partial)) {
      running.store(out, "written by BlockingIT while its fixture answers");
    }
    Files.move(partial, target.resolve("blocking-test.properties"), StandardCopyOption.ATOMIC_MOVE);
    Thread.sleep(300_000);
    fail("the build was not stopped within 5 minutes");
  }
}
