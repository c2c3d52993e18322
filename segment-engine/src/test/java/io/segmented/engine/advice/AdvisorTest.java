package io.segmented.engine.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmented.engine.history.History;
import io.segmented.manifest.Interpolator;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.ManifestLoader;
import io.segmented.results.Advice;
import io.segmented.results.FixtureResult;
import io.segmented.results.Outcome;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdvisorTest {

  @TempDir Path dir;

  private Manifest manifest() throws Exception {
    Path file = dir.resolve("segments.yaml");
    Files.writeString(
        file,
        """
        version: 1
        fixtures:
          db: {postgres: {image: "pg:16"}}
          db-copy: {postgres: {image: "pg:16"}}
          cache: {redis: {}, reuse: run}
          stubs: {wiremock: {}}
        segments:
          orders:
            boundary: {between: [orders, db], tests: {classes: ["*OrdersIT"]}}
            fixtures: [db, cache]
          orders-count:
            boundary: {between: [orders, db], tests: {classes: ["*CountIT"]}}
            fixtures: [db]
          reports:
            boundary: {between: [reports, db], tests: {classes: ["*ReportsIT"]}}
            fixtures: [db-copy]
          payments:
            boundary: {between: [orders, payments], tests: {classes: ["*PaymentsIT"]}}
            fixtures: [stubs]
          payments-again:
            boundary: {between: [orders, payments], tests: {classes: ["*AgainIT"]}}
            fixtures: [stubs]
          nothing:
            boundary: {between: [orders, rules], tests: {classes: ["*NothingIT"]}}
          disabled:
            boundary: {between: [orders, legacy], tests: {classes: ["*LegacyIT"]}}
          left-out:
            boundary: {between: [orders, db], tests: {classes: ["*OtherIT"]}}
            fixtures: [db]
          broken:
            boundary: {between: [orders, db], tests: {classes: ["*BrokenIT"]}}
            fixtures: [db]
        """);
    return new ManifestLoader(Interpolator.of(dir, Map.of(), Map.of())).load(file);
  }

  private static TestResult test(String name, TestOutcome outcome, long millis) {
    return new TestResult("it." + name, "t", outcome, millis, "", "", "");
  }

  private static SegmentResult segment(
      String id, Outcome outcome, long millis, List<FixtureResult> fixtures, TestResult... tests) {
    return new SegmentResult(
        id,
        "",
        List.of("a", "b"),
        outcome,
        "",
        "2026-01-01T00:00:00Z",
        millis,
        // the segment waited for its fixtures as long as the slowest took to start
        fixtures.stream().mapToLong(FixtureResult::startMillis).max().orElse(0),
        0,
        0,
        fixtures,
        List.of(tests));
  }

  private static FixtureResult started(String id, long millis) {
    return new FixtureResult(id, "postgres", "pg:16", "container", "segment", millis, "", "");
  }

  private static RunResult run(SegmentResult... segments) {
    return new RunResult(
        1,
        "r",
        "m",
        "2026-01-01T00:00:00Z",
        1,
        RunResult.Totals.of(List.of(segments)),
        List.of(segments));
  }

  private static History.Entry measured(
      Outcome outcome,
      long millis,
      int tests,
      int skipped,
      long testMillis,
      Map<String, Long> ready) {
    return new History.Entry(
        outcome, millis, "t", new History.Measures(tests, skipped, testMillis, ready));
  }

  @Test
  void oneRunGivesMergesSharedFixturesEmptySegmentsAndOnlySkippedOnes() throws Exception {
    RunResult run =
        run(
            segment(
                "orders",
                Outcome.PASSED,
                9000,
                List.of(started("db", 2000)),
                test("OrdersIT", TestOutcome.PASSED, 6000)),
            segment(
                "orders-count",
                Outcome.PASSED,
                4200,
                List.of(started("db", 2400)),
                test("CountIT", TestOutcome.PASSED, 200)),
            segment(
                "reports",
                Outcome.PASSED,
                5000,
                List.of(started("db-copy", 2200)),
                test("ReportsIT", TestOutcome.PASSED, 2500)),
            segment(
                "payments",
                Outcome.PASSED,
                2000,
                List.of(),
                test("PaymentsIT", TestOutcome.PASSED, 1500)),
            segment(
                "payments-again",
                Outcome.PASSED,
                2000,
                List.of(),
                test("AgainIT", TestOutcome.PASSED, 1500)),
            // no test selected: the engine fails the segment
            segment("nothing", Outcome.FAILED, 1500, List.of()),
            segment(
                "disabled",
                Outcome.PASSED,
                1500,
                List.of(),
                test("LegacyIT", TestOutcome.SKIPPED, 0)),
            segment("left-out", Outcome.SKIPPED, 0, List.of()),
            // a fixture that did not start measures nothing about the cut
            segment("broken", Outcome.FIXTURE_ERROR, 3000, List.of(started("db", 2900))));

    List<String> texts = new ArrayList<>();
    Advisor.of(manifest(), History.empty().with(run))
        .forEach(a -> texts.add(a.kind() + ": " + a.text()));

    assertEquals(
        List.of(
            "SHARE_FIXTURE: fixtures 'db', 'db-copy' have identical settings and are started by 3"
                + " segments (orders, orders-count, reports), 2.2 s to ready each (mean of 3"
                + " starts): one fixture with 'reuse: run' starts it once for the run, each segment"
                + " still with data of its own, and would save about 4.4 s; keeping it running"
                + " across builds (-Dsegment.keep) saves that start too. Keep them apart if a"
                + " segment needs the server to itself",
            "MERGE: segment 'orders-count' spends 4.0 s on fixed cost (fixture start, test JVM) for"
                + " 0.2 s of tests, and segment 'orders' starts the same fixtures (db): merging"
                + " 'orders-count' into 'orders' (its tests selectors into that boundary) would save"
                + " about 4.0 s",
            "NO_TESTS: segment 'nothing' ran no test: its boundary's tests select none of the"
                + " module's test classes. Remove the segment, or make its tests selectors match",
            "ONLY_SKIPPED: segment 'disabled' ran only skipped tests (1), so its fixtures and test"
                + " JVM started for nothing. Remove the segment, or enable its tests"),
        texts);
  }

  @Test
  void theHistoryAloneGivesAdviceFromTheMeanOfEachSegmentsMeasuredRuns() throws Exception {
    History history =
        new History(
            Map.of(
                "orders-count",
                List.of(
                    // written by an earlier version: no measures
                    new History.Entry(Outcome.PASSED, 90_000, "t"),
                    measured(Outcome.PASSED, 4200, 1, 0, 200, Map.of("db", 2400L)),
                    // a timeout measures nothing about the cut
                    measured(Outcome.TIMED_OUT, 60_000, 1, 0, 59_000, Map.of("db", 9000L)),
                    measured(Outcome.FLAKY, 3800, 1, 0, 200, Map.of("db", 2000L)),
                    measured(Outcome.FAILED, 4600, 1, 0, 200, Map.of("db", 2400L))),
                "orders",
                List.of(
                    measured(Outcome.PASSED, 9000, 1, 0, 6000, Map.of("db", 2000L, "cache", 10L))),
                "disabled",
                List.of(
                    measured(Outcome.PASSED, 1500, 1, 1, 0, Map.of()),
                    measured(Outcome.PASSED, 1500, 1, 0, 100, Map.of())),
                "nothing",
                List.of(measured(Outcome.FAILED, 1500, 0, 0, 0, Map.of())),
                "gone",
                List.of(measured(Outcome.FAILED, 1500, 0, 0, 0, Map.of()))));

    List<Advice> advice = Advisor.of(manifest(), history);

    assertEquals(
        List.of(
            new Advice.Merge("orders-count", "orders", List.of("db"), 3, 4000, 200),
            new Advice.ShareFixture(List.of("db"), List.of("orders", "orders-count"), 4, 2200),
            new Advice.NoTests("nothing")),
        advice);
    assertEquals(
        "segment 'orders-count' spends 4.0 s on fixed cost (fixture start, test JVM) for 0.2 s of"
            + " tests (mean of 3 runs), and segment 'orders' starts the same fixtures (db):"
            + " merging 'orders-count' into 'orders' (its tests selectors into that boundary)"
            + " would save about 4.0 s",
        advice.get(0).text());
  }

  @Test
  void runsThatLeasedTheFixturesCountTheirUsualStartAsFixedCost() throws Exception {
    // one run started the database (2.4 s), four leased it from the build before (0.3 s in all)
    List<History.Entry> runs = new ArrayList<>();
    runs.add(measured(Outcome.PASSED, 4200, 1, 0, 200, Map.of("db", 2400L)));
    for (int i = 0; i < 4; i++) {
      runs.add(measured(Outcome.PASSED, 300, 1, 0, 200, Map.of()));
    }
    History history =
        new History(
            Map.of(
                "orders-count",
                runs,
                "orders",
                List.of(measured(Outcome.PASSED, 9000, 1, 0, 6000, Map.of("db", 2000L)))));

    // the mean of 4000 and four times 2400, not of 4000 and four times 100
    assertEquals(
        List.of(new Advice.Merge("orders-count", "orders", List.of("db"), 5, 2720, 200)),
        Advisor.of(manifest(), history).stream().filter(a -> a instanceof Advice.Merge).toList());
  }

  @Test
  void twoSmallSegmentsOnTheSameFixturesAreOneMerge() throws Exception {
    RunResult run =
        run(
            segment(
                "payments",
                Outcome.PASSED,
                2000,
                List.of(),
                test("PaymentsIT", TestOutcome.PASSED, 100)),
            segment(
                "payments-again",
                Outcome.PASSED,
                2000,
                List.of(),
                test("AgainIT", TestOutcome.PASSED, 100)));

    assertEquals(
        List.of(new Advice.Merge("payments", "payments-again", List.of("stubs"), 1, 1900, 100)),
        Advisor.of(manifest(), History.empty().with(run)));
  }

  @Test
  void wellCutSegmentsGetNoAdvice() throws Exception {
    RunResult run =
        run(
            segment(
                "orders",
                Outcome.PASSED,
                9000,
                List.of(started("db", 2000)),
                test("OrdersIT", TestOutcome.PASSED, 6000)),
            segment(
                "payments",
                Outcome.PASSED,
                2000,
                List.of(),
                test("PaymentsIT", TestOutcome.PASSED, 1500)));

    assertEquals(List.of(), Advisor.of(manifest(), History.empty().with(run)));
    assertEquals(List.of(), Advisor.of(manifest(), History.empty()));
  }

  @Test
  void aFixtureReadyWhileTheTestJvmStartsIsNotWorthSharing() throws Exception {
    long hidden = Advisor.MIN_SHARE_READY_MILLIS - 100;
    History history =
        History.empty()
            .with(
                run(
                    segment(
                        "orders",
                        Outcome.PASSED,
                        9000,
                        List.of(started("db", hidden - 200)),
                        test("OrdersIT", TestOutcome.PASSED, 6000)),
                    segment(
                        "reports",
                        Outcome.PASSED,
                        5000,
                        List.of(started("db-copy", hidden + 200)),
                        test("ReportsIT", TestOutcome.PASSED, 2500))));

    // a mean of 1.4 s to ready: no advice
    assertEquals(List.of(), Advisor.of(manifest(), history));

    // a slower start in the next run lifts the mean over the floor
    List<Advice> advice =
        Advisor.of(
            manifest(),
            history.with(
                run(
                    segment(
                        "orders",
                        Outcome.PASSED,
                        9000,
                        List.of(started("db", hidden + 600)),
                        test("OrdersIT", TestOutcome.PASSED, 6000)))));
    assertEquals(
        List.of(
            new Advice.ShareFixture(
                List.of("db", "db-copy"),
                List.of("orders", "reports"),
                3,
                Math.round((3 * hidden + 600) / 3.0))),
        advice);
  }
}
