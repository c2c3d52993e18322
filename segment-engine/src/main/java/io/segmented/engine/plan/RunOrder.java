package io.segmented.engine.plan;

import io.segmented.engine.history.History;
import io.segmented.manifest.SegmentSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The order in which a run starts its segments ({@code -Dsegment.runOrder}, after surefire's {@code
 * runOrder}). Results and reports keep the manifest's order whatever this is; it changes only what
 * starts first.
 *
 * <ul>
 *   <li>{@link #HISTORY}, the default: the segments that failed the last time they ran, then those
 *       the history file does not know yet, then the others, longest first. A failure shows up
 *       sooner, and with {@code parallel > 1} the long segments do not end up alone at the end.
 *   <li>{@link #FAILEDFIRST}: the segments that failed last time first, the others in manifest
 *       order.
 *   <li>{@link #BALANCED}: longest first by their expected durations ({@link
 *       History#expectedMillis}); unknown segments first.
 *   <li>{@link #MANIFEST}: as written in {@code segments.yaml}.
 * </ul>
 *
 * Without a history every order is the manifest's. Ties keep the manifest's order.
 *
 * <p>With {@code -Dsegment.failFast}, the run wants the failure soonest: in the orders that start
 * the segments that failed last time first, the other places of the first wave go to the shortest
 * segments the history knows, not the longest ({@link #arrange}). On few cores a segment's fixtures
 * and test JVM start slower beside a heavy neighbour (a WireMock JVM starting) than beside a light
 * one.
 */
public enum RunOrder {
  HISTORY,
  FAILEDFIRST,
  BALANCED,
  MANIFEST;

  /** Parses the property's value, case-insensitively; blank is the default. */
  public static RunOrder parse(String text) {
    if (text == null || text.isBlank()) {
      return HISTORY;
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "-Dsegment.runOrder="
              + text
              + " is not a run order. Use one of "
              + Stream.of(values())
                  .map(o -> o.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", ")),
          e);
    }
  }

  /**
   * The order a run starts {@code segments} in, and how the console names it.
   *
   * @param segments the segments, in the order they are to start
   * @param how how the console names the order
   */
  public record Arranged(List<SegmentSpec> segments, String how) {}

  /**
   * {@code segments} in the order they are to start, {@code lanes} at a time, and how the console
   * names it; with {@code failFast}, the segments that failed last time start beside the shortest
   * ones the history knows (when some failed, fewer than {@code lanes}, and the history knows one
   * of the others).
   */
  public Arranged arrange(
      List<SegmentSpec> segments, History history, int lanes, boolean failFast) {
    List<SegmentSpec> sorted = sort(segments, history);
    if (!failFast || (this != HISTORY && this != FAILEDFIRST)) {
      return new Arranged(sorted, describe());
    }
    int failed = (int) sorted.stream().filter(s -> history.failedLastTime(s.id())).count();
    if (failed == 0 || failed >= lanes) {
      return new Arranged(sorted, describe());
    }
    List<SegmentSpec> rest = new ArrayList<>(sorted.subList(failed, sorted.size()));
    List<SegmentSpec> beside =
        rest.stream()
            .filter(s -> history.expectedMillis(s.id()).isPresent())
            .sorted(
                Comparator.comparingLong(
                    (SegmentSpec s) -> history.expectedMillis(s.id()).orElse(0)))
            .limit(lanes - failed)
            .toList();
    if (beside.isEmpty()) {
      return new Arranged(sorted, describe());
    }
    rest.removeAll(beside);
    List<SegmentSpec> order = new ArrayList<>(sorted.subList(0, failed));
    order.addAll(beside);
    order.addAll(rest);
    return new Arranged(
        order,
        this == HISTORY
            ? "failed last time first, beside the shortest (segment.failFast), then longest first"
                + " (segment history)"
            : "failed last time first, beside the shortest (segment.failFast)");
  }

  /** {@code segments} in the order they are to start. */
  public List<SegmentSpec> sort(List<SegmentSpec> segments, History history) {
    List<SegmentSpec> sorted = new ArrayList<>(segments);
    Comparator<SegmentSpec> failedFirst =
        Comparator.comparing((SegmentSpec s) -> !history.failedLastTime(s.id()));
    // a segment the history does not know counts as the longest: it may well be, and it is new
    Comparator<SegmentSpec> longestFirst =
        Comparator.comparingLong(
            (SegmentSpec s) -> -history.expectedMillis(s.id()).orElse(Long.MAX_VALUE));
    switch (this) {
      case HISTORY -> sorted.sort(failedFirst.thenComparing(longestFirst));
      case FAILEDFIRST -> sorted.sort(failedFirst);
      case BALANCED -> sorted.sort(longestFirst);
      case MANIFEST -> {
        // as given
      }
    }
    return sorted;
  }

  /** How the console names this order. */
  public String describe() {
    return switch (this) {
      case HISTORY -> "failed last time first, then longest first (segment history)";
      case FAILEDFIRST -> "failed last time first";
      case BALANCED -> "longest first (segment history)";
      case MANIFEST -> "manifest order";
    };
  }
}
