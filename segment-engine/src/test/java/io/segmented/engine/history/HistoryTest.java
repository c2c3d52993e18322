package io.segmented.engine.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.segmented.results.FixtureResult;
import io.segmented.results.Outcome;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

  @TempDir Path dir;

  @Test
  void aRunIsRecordedWithWhatItMeasuredForAdvice() throws Exception {
    SegmentResult orders =
        new SegmentResult(
            "orders",
            "",
            List.of("orders", "db"),
            Outcome.PASSED,
            "",
            "2026-01-01T00:00:00Z",
            4200,
            2400,
            1500,
            300,
            List.of(
                new FixtureResult("db", "postgres", "pg:16", "container", "segment", 2400, "", ""),
                new FixtureResult("mail", "container", "m:1", "container", "segment", 0, "", "no")),
            List.of(
                new TestResult("it.OrdersIT", "a", TestOutcome.PASSED, 150, "", "", ""),
                new TestResult("it.OrdersIT", "b", TestOutcome.SKIPPED, 0, "", "", ""),
                new TestResult("it.OrdersIT", "c", TestOutcome.FAILED, 50, "", "", "")));
    RunResult run =
        new RunResult(
            1, "r", "m", "t", 5000, RunResult.Totals.of(List.of(orders)), List.of(orders));
    Path file = dir.resolve("segment-history.json");

    History.empty().with(run).write(file);

    assertEquals(
        List.of(
            new History.Entry(
                Outcome.PASSED,
                4200,
                "2026-01-01T00:00:00Z",
                new History.Measures(3, 1, 200, Map.of("db", 2400L)))),
        History.read(file).segments().get("orders"));
  }

  @Test
  void theEntriesOfAnEarlierVersionAreReadWithoutMeasuresAndKeptSo() throws Exception {
    Path file = dir.resolve("segment-history.json");
    Files.writeString(
        file,
        """
        {"segments": {"orders": [
          {"outcome": "PASSED", "durationMillis": 4200, "startedAt": "2026-01-01T00:00:00Z"}]}}
        """);

    History history = History.read(file);
    history.write(file);

    assertEquals(
        List.of(new History.Entry(Outcome.PASSED, 4200, "2026-01-01T00:00:00Z")),
        History.read(file).segments().get("orders"));
    assertFalse(Files.readString(file).contains("measures"), Files.readString(file));
  }
}
