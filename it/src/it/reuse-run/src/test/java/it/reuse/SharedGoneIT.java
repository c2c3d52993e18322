package it.reuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Runs in a segment that uses no shared fixture and starts once left or right has ended: the shared
 * servers must stop when the last of their users ends, before the run does.
 */
class SharedGoneIT {

  private static String sharedContainers() throws Exception {
    Process p =
        new ProcessBuilder("docker", "ps", "-q", "--filter", "label=io.segmented.segment=_run")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    p.waitFor();
    return out;
  }

  @Test
  void theSharedServersStopWhenTheirLastSegmentEnds() throws Exception {
    // a segment that uses the shared servers has run its test before this one started: otherwise
    // there would be nothing to see stop
    Path sync = Path.of(System.getProperty("segment.basedir"), "target", "sync");
    assertTrue(
        Files.exists(sync.resolve("left.port")) || Files.exists(sync.resolve("right.port")),
        "no segment that uses the shared servers ran before 'late'");
    // a wait for a condition, bounded so that a shared server kept until the run ends fails the
    // test
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    String running = sharedContainers();
    while (!running.isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      running = sharedContainers();
    }
    assertEquals("", running, "shared containers still running while the run goes on");
  }
}
