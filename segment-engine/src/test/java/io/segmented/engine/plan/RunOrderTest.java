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

  @Test
  void historyPutsLastFailuresFirstThenUnknownThenLongest() {
    assertEquals(List.of("b", "e", "c", "d", "a"), ids(RunOrder.HISTORY, HISTORY));
  }

  @Test
  void failedFirstKeepsTheManifestOrderOfTheRest() {
    assertEquals(List.of("b", "a", "c", "d", "e"), ids(RunOrder.FAILEDFIRST, HISTORY));
  }

  @Test
  void balancedIgnoresFailures() {
    // b's mean is 5.5 s, d's 4 s
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
}
