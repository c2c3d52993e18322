package io.segmented.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.segmented.results.FixtureResult;
import io.segmented.results.Outcome;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's reading of a reports directory and its writing of the page. */
class ReportsDirectoryTest {

  @TempDir Path dir;

  @Test
  void readsTheTailsOfLogsInsideTheDirectoryOnly() throws Exception {
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Files.writeString(dir.resolve("secret.txt"), "secret");
    Files.createDirectories(reports.resolve("logs/s"));
    Files.writeString(reports.resolve("logs/s/db.log"), "ready");
    boolean links = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (links) {
      Files.createSymbolicLink(reports.resolve("logs/s/link.log"), dir.resolve("secret.txt"));
    }

    ReportModel model =
        ReportsDirectory.model(
            reports,
            run(
                "logs/s/db.log",
                "../secret.txt",
                "logs/../../secret.txt",
                dir.resolve("secret.txt").toString(),
                "logs/s/link.log"));

    assertEquals(Map.of("logs/s/db.log", "ready"), model.logTails());
  }

  @Test
  void thePageHasTheModeTheUmaskGives() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path page = ReportsDirectory.write(dir, ReportsDirectory.model(dir, run()));
    Path plain = Files.createFile(dir.resolve("plain"));

    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(page));
  }

  @Test
  void aPageThatFailsHalfwayLeavesTheLastCompleteOne() throws Exception {
    Path page = ReportsDirectory.write(dir, ReportsDirectory.model(dir, run()));
    String complete = Files.readString(page);
    RunResult broken = run();
    SegmentResult s = broken.segments().get(0);
    // a fixture with no image: the template prints it, so rendering fails partway through the page
    FixtureResult noImage =
        new FixtureResult("f", "postgres", null, "container", "segment", 1, "logs/f.log", "");
    SegmentResult withIt =
        new SegmentResult(
            s.id(),
            s.description(),
            s.between(),
            s.outcome(),
            s.message(),
            s.startedAt(),
            s.durationMillis(),
            s.fixturesMillis(),
            s.dataMillis(),
            s.testsMillis(),
            s.teardownMillis(),
            List.of(noImage),
            s.tests(),
            s.classMillis());
    RunResult failing =
        new RunResult(
            broken.schemaVersion(),
            broken.runId(),
            broken.module(),
            broken.startedAt(),
            broken.durationMillis(),
            broken.totals(),
            List.of(withIt));

    assertThrows(
        IOException.class, () -> ReportsDirectory.write(dir, ReportsDirectory.model(dir, failing)));
    assertEquals(complete, Files.readString(page), "the last complete page");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(page), files.toList(), "no temporary file left");
    }
  }

  private static RunResult run(String... logs) {
    List<FixtureResult> fixtures =
        java.util.Arrays.stream(logs)
            .map(l -> new FixtureResult("f", "postgres", "pg:16", "container", "segment", 1, l, ""))
            .toList();
    SegmentResult s =
        new SegmentResult(
            "s",
            "",
            List.of("a", "b"),
            Outcome.PASSED,
            "",
            "2026-01-01T00:00:00Z",
            10,
            4,
            5,
            1,
            fixtures,
            List.of());
    return new RunResult(
        RunResult.SCHEMA_VERSION,
        "run-1",
        "m",
        "2026-01-01T00:00:00Z",
        10,
        RunResult.Totals.of(List.of(s)),
        List.of(s));
  }
}
