package io.segmented.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.engine.TestSegments;
import io.segmented.engine.history.History;
import io.segmented.manifest.SegmentSpec;
import io.segmented.results.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunOrderTest {

  private static SegmentSpec segment(String id) {
    return TestSegments.named(id);
  }

  private static final List<SegmentSpec> SEGMENTS =
      List.of(segment("a"), segment("b"), segment("c"), segment("d"), segment("e"));

  private static History.Entry run(Outcome outcome, long millis) {
    return new History.Entry(outcome, millis, "t");
  }

  /** a short, b failed last time, c long, d failed earlier but passed last time; e is new. */
  private static final History HISTORY =
      new History(
          Map.of(
              "a", List.of(run(Outcome.PASSED, 1_000)),
              "b", List.of(run(Outcome.PASSED, 9_000), run(Outcome.FAILED, 2_000)),
              "c", List.of(run(Outcome.PASSED, 30_000)),
              "d", List.of(run(Outcome.FIXTURE_ERROR, 4_000), run(Outcome.PASSED, 4_000))));

  private static List<String> ids(RunOrder order, History history) {
    return order.sort(SEGMENTS, history).stream().map(SegmentSpec::id).toList();
  }

  /** The ids in the order {@code order} starts them in with failFast, {@code lanes} at a time. */
  private static List<String> failFastIds(RunOrder order, History history, int lanes) {
    return order.arrange(SEGMENTS, history, lanes, true).segments().stream()
        .map(SegmentSpec::id)
        .toList();
  }

  @Test
  void historyPutsLastFailuresFirstThenUnknownThenLongest() {
    assertEquals(List.of("b", "e", "c", "d", "a"), ids(RunOrder.HISTORY, HISTORY));
  }

  @Test
  void underFailFastTheSegmentsThatFailedLastTimeStartBesideTheShortest() {
    // b failed last time; two lanes: a, the shortest the history knows, starts beside it, not the
    // new e nor the long c; then the rest as without failFast
    assertEquals(List.of("b", "a", "e", "c", "d"), failFastIds(RunOrder.HISTORY, HISTORY, 2));
    assertEquals(
        "failed last time first, beside the shortest (segment.failFast), then longest first"
            + " (segment history)",
        RunOrder.HISTORY.arrange(SEGMENTS, HISTORY, 2, true).how());
    // three lanes: the two shortest
    assertEquals(List.of("b", "a", "d", "e", "c"), failFastIds(RunOrder.HISTORY, HISTORY, 3));
    // without failFast, one lane, or no failure last time: the order as always
    assertEquals(
        ids(RunOrder.HISTORY, HISTORY),
        RunOrder.HISTORY.arrange(SEGMENTS, HISTORY, 2, false).segments().stream()
            .map(SegmentSpec::id)
            .toList());
    assertEquals(ids(RunOrder.HISTORY, HISTORY), failFastIds(RunOrder.HISTORY, HISTORY, 1));
    History passed =
        new History(
            Map.of("a", List.of(run(Outcome.PASSED, 1_000)), "c", List.of(run(Outcome.PASSED, 9))));
    assertEquals(ids(RunOrder.HISTORY, passed), failFastIds(RunOrder.HISTORY, passed, 2));
    assertEquals(
        "failed last time first, then longest first (segment history)",
        RunOrder.HISTORY.arrange(SEGMENTS, passed, 2, true).how());
    // as many failed last time as there are lanes, or more: nothing to put beside them
    History twoFailed =
        new History(
            Map.of(
                "a", List.of(run(Outcome.PASSED, 1_000)),
                "b", List.of(run(Outcome.FAILED, 2_000)),
                "c", List.of(run(Outcome.FAILED, 30_000))));
    assertEquals(ids(RunOrder.HISTORY, twoFailed), failFastIds(RunOrder.HISTORY, twoFailed, 2));
    // more lanes than segments: every segment is in the first wave, the shortest right after b
    assertEquals(List.of("b", "a", "d", "c", "e"), failFastIds(RunOrder.HISTORY, HISTORY, 9));
    // none of the others known: nothing is the shortest, and the log does not say so
    History onlyFailed = new History(Map.of("b", List.of(run(Outcome.FAILED, 2_000))));
    assertEquals(ids(RunOrder.HISTORY, onlyFailed), failFastIds(RunOrder.HISTORY, onlyFailed, 2));
    assertEquals(
        RunOrder.HISTORY.describe(), RunOrder.HISTORY.arrange(SEGMENTS, onlyFailed, 2, true).how());
    // failedfirst: the same first wave, then the manifest's order
    assertEquals(List.of("b", "a", "c", "d", "e"), failFastIds(RunOrder.FAILEDFIRST, HISTORY, 2));
    // balanced ignores failures, and so failFast
    assertEquals(ids(RunOrder.BALANCED, HISTORY), failFastIds(RunOrder.BALANCED, HISTORY, 2));
  }

  @Test
  void failedFirstKeepsTheManifestOrderOfTheRest() {
    assertEquals(List.of("b", "a", "c", "d", "e"), ids(RunOrder.FAILEDFIRST, HISTORY));
  }

  @Test
  void balancedIgnoresFailures() {
    // b's median is 5.5 s (of 9 and 2 s), d's 4 s
    assertEquals(List.of("e", "c", "b", "d", "a"), ids(RunOrder.BALANCED, HISTORY));
  }

  @Test
  void manifestOrderAndEveryOrderWithoutHistoryIsTheManifests() {
    List<String> manifest = List.of("a", "b", "c", "d", "e");
    assertEquals(manifest, ids(RunOrder.MANIFEST, HISTORY));
    for (RunOrder order : RunOrder.values()) {
      assertEquals(manifest, ids(order, History.empty()), order.name());
    }
  }

  @Test
  void parsesCaseInsensitivelyAndDefaultsToHistory() {
    assertEquals(RunOrder.HISTORY, RunOrder.parse(null));
    assertEquals(RunOrder.HISTORY, RunOrder.parse(" "));
    assertEquals(RunOrder.BALANCED, RunOrder.parse("Balanced"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RunOrder.parse("random"));
    assertTrue(e.getMessage().contains("-Dsegment.runOrder=random"), e.getMessage());
    assertTrue(e.getMessage().contains("history, failedfirst, balanced, manifest"), e.getMessage());
  }

  @Test
  void runsThatLeasedTheirFixturesDoNotMakeASegmentLookShort() {
    // a started its database once (1.3 s to ready, 3.8 s in all), then leased it from the build
    // before three times (1.6 s each: its tests alone); b started its own every time, 2.5 s
    History.Measures started = new History.Measures(10, 0, 2_100, Map.of("db", 1_300L));
    History.Measures leased = new History.Measures(10, 0, 1_500, Map.of());
    History history =
        new History(
            Map.of(
                "a",
                List.of(
                    new History.Entry(Outcome.PASSED, 3_800, "t", started),
                    new History.Entry(Outcome.PASSED, 1_600, "t", leased),
                    new History.Entry(Outcome.PASSED, 1_600, "t", leased),
                    new History.Entry(Outcome.PASSED, 1_600, "t", leased)),
                "b",
                List.of(run(Outcome.PASSED, 2_500), run(Outcome.PASSED, 2_500))));
    List<SegmentSpec> two = List.of(segment("b"), segment("a"));

    // a's mean wall time is 2.15 s, but a run that starts its database takes 1.5 + 1.3 s or more
    assertEquals(
        List.of("a", "b"),
        RunOrder.BALANCED.sort(two, history).stream().map(SegmentSpec::id).toList());
  }
}
