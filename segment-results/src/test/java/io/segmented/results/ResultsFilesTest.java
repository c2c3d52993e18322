package io.segmented.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFilesTest {

  @TempDir Path dir;

  @Test
  void writesAndReadsBackTheSameRunWithNoTemporaryFileLeft() throws Exception {
    SegmentResult failed =
        new SegmentResult(
            "orders-db",
            "repo",
            List.of("orders", "orders-db"),
            Outcome.FAILED,
            "",
            "2026-01-01T00:00:00Z",
            10,
            4,
            5,
            1,
            List.of(
                new FixtureResult(
                    "db",
                    "postgres",
                    "postgres:16",
                    "container",
                    "run",
                    1400,
                    "logs/orders-db/db.log",
                    "")),
            List.of(
                new TestResult(
                    "a.B",
                    "c",
                    TestOutcome.FAILED,
                    3,
                    "no",
                    "java.lang.AssertionError",
                    "at a.B")));
    SegmentResult passed =
        new SegmentResult(
            "cache",
            "",
            List.of("orders", "cache"),
            Outcome.PASSED,
            "",
            "2026-01-01T00:00:01Z",
            10,
            4,
            5,
            1,
            List.of(),
            List.of(new TestResult("a.C", "d", TestOutcome.PASSED, 3, "", "", "")));
    RunResult run =
        new RunResult(
            RunResult.SCHEMA_VERSION,
            "run-1",
            "orders",
            "2026-01-01T00:00:00Z",
            20,
            RunResult.Totals.of(List.of(failed, passed)),
            List.of(failed, passed));

    ResultsFiles.write(dir, run);

    assertEquals(run, ResultsFiles.read(dir));
    assertEquals(new RunResult.Totals(2, 1, 2, 1, 0, 0, 0), run.totals());
    assertEquals(List.of(failed), run.failedSegments());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(dir.resolve(ResultsFiles.RESULTS_FILE)), files.toList());
    }
  }
}
