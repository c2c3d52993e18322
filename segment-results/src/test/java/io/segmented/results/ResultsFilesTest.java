package io.segmented.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
            0,
            5,
            1,
            List.of(),
            List.of(new TestResult("a.C", "d", TestOutcome.PASSED, 3, "", "", "")),
            Map.of("a.C", 4L));
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

  @Test
  void adviceIsWrittenAsDataWithItsKindSavingAndTextAndReadBack() throws Exception {
    RunResult run =
        new RunResult(
                RunResult.SCHEMA_VERSION,
                "run-1",
                "orders",
                "2026-01-01T00:00:00Z",
                20,
                RunResult.Totals.of(List.of()),
                List.of())
            .withAdvice(
                List.of(
                    new Advice.ShareFixture(List.of("db"), List.of("orders", "billing"), 4, 2200),
                    new Advice.NoTests("empty")));

    ResultsFiles.write(dir, run);

    assertEquals(run, ResultsFiles.read(dir));
    JsonNode advice =
        new ObjectMapper().readTree(dir.resolve(ResultsFiles.RESULTS_FILE).toFile()).get("advice");
    assertEquals(
        new ObjectMapper()
            .readTree(
                """
                [{"kind": "SHARE_FIXTURE", "fixtures": ["db"], "segments": ["orders", "billing"],
                  "starts": 4, "readyMillis": 2200, "savesMillis": 2200,
                  "text": "%s"},
                 {"kind": "NO_TESTS", "segment": "empty", "savesMillis": 0, "text": "%s"}]
                """
                    .formatted(run.advice().get(0).text(), run.advice().get(1).text())),
        advice);
  }

  @Test
  void resultsOfAnEarlierVersionHaveNoAdviceAndAnAdviceOfAnUnknownKindIsLeftOut() throws Exception {
    Files.writeString(
        dir.resolve(ResultsFiles.RESULTS_FILE),
        """
        {"schemaVersion": 1, "runId": "r", "module": "m", "startedAt": "t", "durationMillis": 1,
         "totals": {"segments": 0}, "segments": []}
        """);

    assertEquals(List.of(), ResultsFiles.read(dir).advice());

    Files.writeString(
        dir.resolve(ResultsFiles.RESULTS_FILE),
        """
        {"schemaVersion": 1, "runId": "r", "module": "m", "startedAt": "t", "durationMillis": 1,
         "totals": {"segments": 1}, "segments": [{"id": "a", "description": "",
           "between": ["x", "y"], "outcome": "PASSED", "message": "", "startedAt": "t",
           "durationMillis": 5, "fixturesMillis": 1, "testsMillis": 3, "teardownMillis": 1,
           "fixtures": [], "tests": []}]}
        """);

    assertEquals(Map.of(), ResultsFiles.read(dir).segments().get(0).classMillis());

    Files.writeString(
        dir.resolve(ResultsFiles.RESULTS_FILE),
        """
        {"schemaVersion": 1, "runId": "r", "module": "m", "startedAt": "t", "durationMillis": 1,
         "totals": {"segments": 0}, "segments": [],
         "advice": [{"kind": "SPLIT", "segment": "a", "text": "from a later version"},
                    {"kind": "ONLY_SKIPPED", "segment": "legacy", "skipped": 2, "savesMillis": 0,
                     "text": "as written"}]}
        """);

    assertEquals(List.of(new Advice.OnlySkipped("legacy", 2)), ResultsFiles.read(dir).advice());
  }
}
