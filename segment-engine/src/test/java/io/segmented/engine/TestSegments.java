package io.segmented.engine;

import io.segmented.manifest.Boundary;
import io.segmented.manifest.Position;
import io.segmented.manifest.SegmentSpec;
import io.segmented.manifest.TestSelectors;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Segments for tests that care only about ids: between a and b, selecting {@code *IT}. */
public final class TestSegments {

  private TestSegments() {}

  public static SegmentSpec named(String id) {
    return new SegmentSpec(
        id,
        "",
        new Boundary(
            List.of("a", "b"),
            new TestSelectors(List.of("*IT"), List.of(), List.of(), List.of(), List.of()),
            List.of(),
            null),
        List.of(),
        Map.of(),
        Duration.ofMinutes(1),
        0,
        List.of(),
        Map.of(),
        Map.of(),
        Position.NONE);
  }
}
