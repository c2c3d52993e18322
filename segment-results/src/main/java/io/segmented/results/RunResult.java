package io.segmented.results;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of one module: what {@code segment-results.json} holds.
 *
 * @param schemaVersion the version of this file's format
 * @param runId the run's id, also on every container and network it started
 * @param module the module's name
 * @param startedAt when the run started, ISO-8601
 * @param durationMillis the run's wall time
 * @param totals counts over all segments
 * @param segments the segments, in manifest order
 * @param trends each segment's recent runs from the history file, by segment id
 * @param selection which segments the run chose, as people read it: {@code all}, {@code
 *     -Dsegment=orders-*}, {@code shard 2/3}, ...
 * @param advice advice on cutting the segments, from this run's and earlier runs' measurements;
 *     empty in results of earlier versions and of runs narrowed to some tests
 */
public record RunResult(
    int schemaVersion,
    String runId,
    String module,
    String startedAt,
    long durationMillis,
    Totals totals,
    List<SegmentResult> segments,
    Map<String, SegmentTrend> trends,
    String selection,
    List<Advice> advice) {

  /** The format version written by this engine. */
  public static final int SCHEMA_VERSION = 1;

  public RunResult {
    segments = List.copyOf(segments);
    trends = trends == null ? Map.of() : Map.copyOf(trends);
    selection = selection == null ? "all" : selection;
    // an advice of a kind this version does not know is read as null
    advice = advice == null ? List.of() : advice.stream().filter(Objects::nonNull).toList();
  }

  /** A run without advice. */
  public RunResult(
      int schemaVersion,
      String runId,
      String module,
      String startedAt,
      long durationMillis,
      Totals totals,
      List<SegmentResult> segments,
      Map<String, SegmentTrend> trends,
      String selection) {
    this(
        schemaVersion,
        runId,
        module,
        startedAt,
        durationMillis,
        totals,
        segments,
        trends,
        selection,
        List.of());
  }

  /** A run without history. */
  public RunResult(
      int schemaVersion,
      String runId,
      String module,
      String startedAt,
      long durationMillis,
      Totals totals,
      List<SegmentResult> segments) {
    this(
        schemaVersion, runId, module, startedAt, durationMillis, totals, segments, Map.of(), "all");
  }

  /** This run with each segment's recent runs. */
  public RunResult withTrends(Map<String, SegmentTrend> trends) {
    return new RunResult(
        schemaVersion,
        runId,
        module,
        startedAt,
        durationMillis,
        totals,
        segments,
        trends,
        selection,
        advice);
  }

  /** This run with advice on cutting its segments. */
  public RunResult withAdvice(List<Advice> advice) {
    return new RunResult(
        schemaVersion,
        runId,
        module,
        startedAt,
        durationMillis,
        totals,
        segments,
        trends,
        selection,
        advice);
  }

  /** The segments whose outcome fails the build. */
  public List<SegmentResult> failedSegments() {
    return segments.stream().filter(s -> s.outcome().failsBuild()).toList();
  }

  /**
   * Counts over a run.
   *
   * @param segments segments run
   * @param failedSegments segments whose outcome fails the build
   * @param tests tests run
   * @param failures tests whose assertion failed
   * @param errors tests that errored
   * @param skipped tests skipped
   * @param flaky tests that failed, then passed on a retry
   */
  public record Totals(
      int segments,
      int failedSegments,
      int tests,
      int failures,
      int errors,
      int skipped,
      int flaky) {

    /** The totals of {@code segments}. */
    public static Totals of(List<SegmentResult> segments) {
      int tests = 0;
      int failures = 0;
      int errors = 0;
      int skipped = 0;
      int flaky = 0;
      for (SegmentResult s : segments) {
        for (TestResult t : s.tests()) {
          tests++;
          switch (t.outcome()) {
            case FAILED -> failures++;
            case ERROR -> errors++;
            case SKIPPED -> skipped++;
            case FLAKY -> flaky++;
            default -> {}
          }
        }
      }
      int failed = (int) segments.stream().filter(s -> s.outcome().failsBuild()).count();
      return new Totals(segments.size(), failed, tests, failures, errors, skipped, flaky);
    }
  }
}
