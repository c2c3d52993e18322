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
import java.util.OptionalLong;
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
                new History.Measures(3, 1, 200, Map.of("db", 2400L), 2400L))),
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

  @Test
  void aFixtureSharedByTheRunOrLeasedFromAnEarlierBuildIsNotRecordedAsAStart() {
    FixtureResult own =
        new FixtureResult("db", "postgres", "pg:16", "container", "segment", 1400, "", "");
    FixtureResult shared =
        new FixtureResult("cache", "redis", "r:7", "container", "run", 3, "", "");
    FixtureResult leased =
        new FixtureResult("mq", "container", "mq:1", "container", "segment", 5, "", "")
            .withKept("kept, 3 min old");
    FixtureResult keptNew =
        new FixtureResult("api", "wiremock", "w:3", "container", "segment", 2100, "", "")
            .withKept("new, kept for 10 min");
    SegmentResult orders =
        new SegmentResult(
            "orders",
            "",
            List.of("orders", "db"),
            Outcome.PASSED,
            "",
            "2026-01-01T00:00:00Z",
            1700,
            0,
            1500,
            100,
            List.of(own, shared, leased, keptNew),
            List.of(new TestResult("it.OrdersIT", "a", TestOutcome.PASSED, 1500, "", "", "")));

    assertEquals(
        Map.of("db", 1400L, "api", 2100L), History.Measures.of(orders).fixtureReadyMillis());
  }

  @Test
  void anEarlierVersionsRunThatLeasedItsFixturesCountsAsItsTestsPlusTheUsualStart() {
    History history =
        new History(
            Map.of(
                "orders",
                List.of(
                    // started its database: 1.0 s to ready, 3.0 s in all
                    entry(3_000, 1_800, Map.of("db", 1_000L)),
                    entry(3_400, 2_000, Map.of("db", 1_200L)),
                    // leased it (kept), or had it started while Maven compiled
                    entry(1_600, 1_500, Map.of()),
                    entry(1_700, 1_400, Map.of("db", 1_100L))),
                "old",
                List.of(
                    new History.Entry(Outcome.PASSED, 4_200, "t"),
                    new History.Entry(Outcome.PASSED, 4_000, "t"),
                    // a one-off: the first run after an upgrade made its class-data archives
                    new History.Entry(Outcome.PASSED, 30_000, "t"))));

    // the usual start is the median of 1000, 1200 and 1100; the last two count as 1500 + 1100
    // and 1400 + 1100: the median of 3000, 3400, 2600 and 2500
    assertEquals(OptionalLong.of((2_600 + 3_000) / 2), history.expectedMillis("orders"));
    assertEquals(OptionalLong.of(4_200), history.expectedMillis("old"));
    assertEquals(OptionalLong.empty(), history.expectedMillis("new"));
  }

  @Test
  void aRunThatWaitedLessForItsFixturesThanTheirUsualStartCountsAsHavingWaitedThatLong() {
    // its ten tests run in parallel: their times add up to more than its wall time
    History history =
        new History(
            Map.of(
                "orders",
                List.of(
                    new History.Entry(
                        Outcome.PASSED,
                        3_000,
                        "t",
                        new History.Measures(10, 0, 5_000, Map.of("db", 1_000L), 1_000L)),
                    // leased: ready after 50 ms
                    new History.Entry(
                        Outcome.PASSED,
                        2_100,
                        "t",
                        new History.Measures(10, 0, 5_000, Map.of(), 50L)))));

    // 3000, and 2100 - 50 + 1000: not floored at the tests' summed time
    assertEquals(OptionalLong.of((3_000 + 3_050) / 2), history.expectedMillis("orders"));
  }

  @Test
  void startsOutliveTheRunsThatRecordedThemSoManyLeasedRunsStillCountAFixturesStart()
      throws Exception {
    Path file = dir.resolve("segment-history.json");
    History history = History.empty().with(runOf(segmentResult(3_000, 1_000, 2_000)));
    // a developer's kept reruns: each waits 50 ms for its leased database, and records no start
    for (int i = 0; i < History.KEEP + 5; i++) {
      history = history.with(runOf(segmentResult(1_100, 50, -1)));
    }
    history.write(file);
    History read = History.read(file);

    assertEquals(History.KEEP, read.segments().get("orders").size());
    assertEquals(
        List.of(),
        read.segments().get("orders").stream()
            .filter(e -> !e.measures().fixtureReadyMillis().isEmpty())
            .toList(),
        "the run that started its database is out of the window of runs");
    assertEquals(Map.of("db", List.of(2_000L)), read.startsBy("orders"));
    assertEquals(2_000, read.usualSlowestStart("orders"));
    // each leased run counts as having waited the database's usual start: 1100 - 50 + 2000
    assertEquals(OptionalLong.of(3_050), read.expectedMillis("orders"));

    // the starts themselves are the last KEEP, oldest first
    for (int i = 1; i <= History.KEEP; i++) {
      read = read.with(runOf(segmentResult(3_000, 1_000, 1_000 + i)));
    }
    assertEquals(History.KEEP, read.startsBy("orders").get("db").size());
    assertEquals(1_001L, read.startsBy("orders").get("db").get(0));

    // a run without the database (removed from the segment) takes its starts with it
    SegmentResult without = segmentResult(900, 0, List.of());
    History after = read.with(runOf(without));
    assertEquals(Map.of(), after.startsBy("orders"));
    assertEquals(0, after.usualSlowestStart("orders"));
  }

  @Test
  void aFileOfAnEarlierVersionHasItsStartsInItsRunsMeasures() throws Exception {
    Path file = dir.resolve("segment-history.json");
    Files.writeString(
        file,
        """
        {"segments": {"orders": [
          {"outcome": "PASSED", "durationMillis": 3000, "startedAt": "t",
           "measures": {"tests": 1, "skipped": 0, "testMillis": 900,
                        "fixtureReadyMillis": {"db": 1800}, "fixturesMillis": 1800}},
          {"outcome": "PASSED", "durationMillis": 1000, "startedAt": "t",
           "measures": {"tests": 1, "skipped": 0, "testMillis": 900,
                        "fixtureReadyMillis": {}, "fixturesMillis": 40}}
        ]}}
        """);
    History old = History.read(file);

    assertEquals(Map.of(), old.starts());
    assertEquals(Map.of("db", List.of(1_800L)), old.startsBy("orders"));
    // the next run carries them over into the starts kept apart, and adds its own
    History next = old.with(runOf(segmentResult(3_100, 1_000, 1_900)));
    assertEquals(Map.of("orders", Map.of("db", List.of(1_800L, 1_900L))), next.starts());
  }

  /** A run of the one segment {@code orders}. */
  private static RunResult runOf(SegmentResult orders) {
    return new RunResult(
        1,
        "r",
        "m",
        "t",
        orders.durationMillis(),
        RunResult.Totals.of(List.of(orders)),
        List.of(orders));
  }

  /**
   * A passing run of {@code orders} that waited {@code fixturesMillis} for its database: started by
   * it in {@code startMillis}, or leased from an earlier build when that is negative.
   */
  private static SegmentResult segmentResult(long millis, long fixturesMillis, long startMillis) {
    FixtureResult db =
        startMillis < 0
            ? new FixtureResult("db", "postgres", "pg:16", "container", "segment", 40, "", "")
                .withKept(FixtureResult.LEASED + "3 min old")
            : new FixtureResult(
                "db", "postgres", "pg:16", "container", "segment", startMillis, "", "");
    return segmentResult(millis, fixturesMillis, List.of(db));
  }

  /** A passing run of {@code orders} with {@code fixtures} that waited {@code fixturesMillis}. */
  private static SegmentResult segmentResult(
      long millis, long fixturesMillis, List<FixtureResult> fixtures) {
    return new SegmentResult(
        "orders",
        "",
        List.of("orders", "db"),
        Outcome.PASSED,
        "",
        "2026-01-01T00:00:00Z",
        millis,
        fixturesMillis,
        900,
        100,
        fixtures,
        List.of(new TestResult("it.OrdersIT", "a", TestOutcome.PASSED, 900, "", "", "")));
  }

  private static History.Entry entry(long millis, long testMillis, Map<String, Long> ready) {
    return new History.Entry(
        Outcome.PASSED, millis, "t", new History.Measures(10, 0, testMillis, ready));
  }
}
