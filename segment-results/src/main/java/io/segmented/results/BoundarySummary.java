package io.segmented.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One boundary of a run, as summaries show it: its segments, their joint outcome, counts and times.
 *
 * @param label the boundary, as {@code orders ↔ orders-db}
 * @param segments its segments, in manifest order
 * @param outcome its first failing segment's outcome, else FLAKY, else PASSED, else SKIPPED
 * @param tests its tests
 * @param failed its tests that failed or errored
 * @param skipped its skipped tests
 * @param millis the wall time of its segments, added up
 */
public record BoundarySummary(
    String label,
    List<SegmentResult> segments,
    Outcome outcome,
    int tests,
    int failed,
    int skipped,
    long millis) {

  public BoundarySummary {
    segments = List.copyOf(segments);
  }

  /** The boundaries of {@code run}, in the order they first appear. */
  public static List<BoundarySummary> of(RunResult run) {
    Map<String, List<SegmentResult>> groups = new LinkedHashMap<>();
    run.segments()
        .forEach(s -> groups.computeIfAbsent(s.boundaryLabel(), k -> new ArrayList<>()).add(s));
    List<BoundarySummary> boundaries = new ArrayList<>();
    groups.forEach(
        (label, segments) ->
            boundaries.add(
                new BoundarySummary(
                    label,
                    segments,
                    outcome(segments),
                    segments.stream().mapToInt(s -> s.tests().size()).sum(),
                    segments.stream().mapToInt(s -> s.failures().size()).sum(),
                    (int)
                        segments.stream()
                            .flatMap(s -> s.tests().stream())
                            .filter(t -> t.outcome() == TestOutcome.SKIPPED)
                            .count(),
                    segments.stream().mapToLong(SegmentResult::durationMillis).sum())));
    return boundaries;
  }

  private static Outcome outcome(List<SegmentResult> segments) {
    for (SegmentResult s : segments) {
      if (s.outcome().failsBuild()) {
        return s.outcome();
      }
    }
    for (Outcome o : List.of(Outcome.FLAKY, Outcome.PASSED)) {
      if (segments.stream().anyMatch(s -> s.outcome() == o)) {
        return o;
      }
    }
    return Outcome.SKIPPED;
  }

  /** The first line of a failure's message, for a summary's list of failures. */
  public static String firstLine(String text) {
    String stripped = text.strip();
    int end = stripped.indexOf('\n');
    return (end < 0 ? stripped : stripped.substring(0, end)).strip();
  }
}
