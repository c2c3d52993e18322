package io.segmented.engine.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.launcher.EventCodec;
import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestEventsTest {

  @TempDir Path dir;

  private Path events(List<List<String>> lines) throws Exception {
    Path file = dir.resolve("events.txt");
    Files.write(file, lines.stream().map(EventCodec::encode).toList());
    return file;
  }

  @Test
  void aCompleteRun() throws Exception {
    TestEvents read =
        TestEvents.read(
            events(
                List.of(
                    List.of("RUN_STARTED", "2"),
                    List.of("TEST_STARTED", "a.B", "c"),
                    List.of(
                        "TEST_FINISHED",
                        "a.B",
                        "c",
                        "FAILED",
                        "12",
                        "line one\nline\ttwo",
                        "x.Y",
                        "trace"),
                    List.of("TEST_SKIPPED", "a.B", "d", "disabled"),
                    List.of("RUN_FINISHED"))));

    assertTrue(read.finished());
    assertEquals(2, read.discovered());
    assertEquals(2, read.discoveredBeforeBuildFilters(), "an older launcher's line: the same");
    assertEquals(Optional.empty(), read.running());
    assertEquals(
        List.of(
            new TestResult(
                "a.B", "c", TestOutcome.FAILED, 12, "line one\nline\ttwo", "x.Y", "trace"),
            new TestResult("a.B", "d", TestOutcome.SKIPPED, 0, "disabled", "", "")),
        read.tests());
  }

  @Test
  void aJvmThatDiedNamesTheTestThatWasRunning() throws Exception {
    TestEvents read =
        TestEvents.read(
            events(
                List.of(
                    List.of("RUN_STARTED", "3"),
                    List.of("TEST_STARTED", "a.B", "first"),
                    List.of("TEST_FINISHED", "a.B", "first", "PASSED", "1", "", "", ""),
                    List.of("TEST_STARTED", "a.B", "exits"))));

    assertFalse(read.finished());
    assertEquals(Optional.of("a.B.exits"), read.running());
    assertEquals(1, read.tests().size());
  }

  @Test
  void theCountBeforeTheBuildsFiltersTellsANarrowedSegmentFromAnEmptyOne() throws Exception {
    TestEvents narrowed =
        TestEvents.read(events(List.of(List.of("RUN_STARTED", "0", "4"), List.of("RUN_FINISHED"))));
    assertEquals(0, narrowed.discovered());
    assertEquals(4, narrowed.discoveredBeforeBuildFilters());
  }

  @Test
  void noFileIsAJvmThatNeverStartedItsTests() throws Exception {
    TestEvents read = TestEvents.read(dir.resolve("missing.txt"));
    assertFalse(read.finished());
    assertEquals(-1, read.discovered());
  }
}
