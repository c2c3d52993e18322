package io.segmented.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.results.Outcome;
import io.segmented.results.SegmentResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private static SegmentResult segment(String id, Outcome outcome, String start, long millis) {
    return new SegmentResult(
        id, "", List.of("app", id), outcome, "", start, millis, 0, 0, 0, List.of(), List.of());
  }

  @Test
  void eachBarShowsFixturesDataAndTestsInsideItAndItsTeardownAfterIt() {
    SegmentResult s =
        new SegmentResult(
            "db",
            "",
            List.of("app", "db"),
            Outcome.PASSED,
            "",
            "2026-11-26T10:00:00Z",
            4000,
            1000,
            500,
            2500,
            1000,
            List.of(),
            List.of());

    Timeline.Bar bar = Timeline.of(List.of(s)).bars().get(0);

    assertEquals(
        List.of("fixtures", "data", "tests", "teardown"),
        bar.phases().stream().map(Timeline.Phase::name).toList());
    Timeline.Phase fixtures = bar.phases().get(0);
    Timeline.Phase tests = bar.phases().get(2);
    Timeline.Phase teardown = bar.phases().get(3);
    assertEquals(bar.x(), fixtures.x());
    assertEquals(bar.x() + bar.width(), tests.x() + tests.width(), "the tests end with the bar");
    assertEquals(bar.x() + bar.width(), teardown.x(), "the teardown comes after the result");
    assertEquals(
        Timeline.WIDTH - Timeline.RIGHT,
        teardown.x() + teardown.width(),
        "the picture holds the teardown too");
    assertEquals("1.0 s", teardown.time());
    assertEquals(2 * fixtures.width(), bar.phases().get(1).width() * 4, "data is half of fixtures");
  }

  @Test
  void segmentsThatOverlapGoToDifferentLanesAndALaneIsReusedOnceFree() {
    Timeline t =
        Timeline.of(
            List.of(
                segment("a", Outcome.PASSED, "2026-11-26T10:00:00Z", 4000),
                segment("b", Outcome.FAILED, "2026-11-26T10:00:01Z", 2000),
                segment("c", Outcome.PASSED, "2026-11-26T10:00:04Z", 4000),
                segment("d", Outcome.SKIPPED, "2026-11-26T10:00:00Z", 0)));

    assertEquals(2, t.lanes());
    assertEquals(List.of("a", "b", "c"), t.bars().stream().map(Timeline.Bar::segment).toList());
    assertEquals(List.of(1, 2, 1), t.bars().stream().map(Timeline.Bar::lane).toList());
    Timeline.Bar a = t.bars().get(0);
    Timeline.Bar c = t.bars().get(2);
    assertEquals(Timeline.LEFT, a.x());
    assertTrue(c.x() >= a.x() + a.width() - 1, "c starts where a ended");
    assertEquals(Timeline.WIDTH - Timeline.RIGHT, c.x() + c.width(), "the run ends at c's end");
    assertEquals("8.0 s", t.ticks().get(4).label());
    assertEquals("FAILED", t.bars().get(1).outcome());
  }

  @Test
  void aRunWithNothingRunHasNoTimeline() {
    assertTrue(
        Timeline.of(List.of(segment("d", Outcome.SKIPPED, "2026-11-26T10:00:00Z", 0)))
            .bars()
            .isEmpty());
  }
}
