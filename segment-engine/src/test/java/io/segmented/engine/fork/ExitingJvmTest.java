package io.segmented.engine.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.engine.fork.samples.SlowExitSample;
import io.segmented.launcher.Event;
import io.segmented.results.TestOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real test JVM running the real launcher tells the end of its run once its events file is
 * complete, so the build takes the results while the JVM still exits; closing it then lets it exit
 * by itself, its shutdown hooks run to the end, instead of killing it.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExitingJvmTest {

  @TempDir Path dir;

  @Test
  void theResultsAreTakenWhileTheJvmExitsAndItsShutdownHooksStillRun() throws Exception {
    Path marker = dir.resolve("hook-ran");
    TestJvm.Spec spec =
        SampleJvms.launching(
            dir, SlowExitSample.class, Map.of("sample.hook.marker", marker.toString()));

    TestJvm.Exit exit;
    TestEvents events;
    try (TestJvm jvm = TestJvm.start(spec)) {
      exit = jvm.awaitEnd(Duration.ofSeconds(90), dir.resolve("dump.txt"));
      // read while the JVM still runs its shutdown hook: already complete
      events = TestEvents.read(dir.resolve("events.txt"));
    }

    assertTrue(exit.exiting(), "told its end before it exited: " + exit);
    assertFalse(exit.timedOut());
    assertTrue(events.finished(), "the events file is complete when the end is told");
    assertEquals(
        List.of(TestOutcome.PASSED), events.tests().stream().map(t -> t.outcome()).toList());
    assertEquals(
        "written at exit",
        Files.readString(marker, StandardCharsets.UTF_8),
        "closed by waiting for its exit, not by killing it: its shutdown hook ran");
    assertFalse(
        Files.readString(dir.resolve("test-jvm.log"), StandardCharsets.UTF_8)
            .contains(Event.LIVE_PREFIX),
        "the line that tells the end is not the test's output");
  }
}
