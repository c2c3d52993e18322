package io.segmented.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One segment of a run.
 *
 * @param id the segment id
 * @param description the manifest's description; empty when none
 * @param between the two sides of the boundary
 * @param outcome the verdict
 * @param message why the segment failed when it is not a test's fault; empty otherwise
 * @param startedAt when it started, ISO-8601
 * @param durationMillis its wall time until its result was final: from its start until its tests
 *     ended (its fixtures stop after that, beside the next segment)
 * @param fixturesMillis time spent starting fixtures
 * @param dataMillis time spent preparing data (seeds), after the fixtures started
 * @param testsMillis time spent in the test JVM
 * @param teardownMillis time spent stopping its fixtures, after its result was final
 * @param fixtures its fixtures
 * @param tests its tests, in the order they finished
 * @param classMillis the wall time of each top-level test class, by class name, as its test JVM
 *     measured it: its tests, its set-up and tear-down ({@code @BeforeAll}, {@code @AfterAll},
 *     extensions) and its nested classes, summed over retries; empty for a segment whose tests did
 *     not run, and in results written by earlier versions of the plugin
 */
public record SegmentResult(
    String id,
    String description,
    List<String> between,
    Outcome outcome,
    String message,
    String startedAt,
    long durationMillis,
    long fixturesMillis,
    long dataMillis,
    long testsMillis,
    long teardownMillis,
    List<FixtureResult> fixtures,
    List<TestResult> tests,
    Map<String, Long> classMillis) {

  public SegmentResult {
    between = List.copyOf(between);
    fixtures = List.copyOf(fixtures);
    tests = List.copyOf(tests);
    classMillis =
        classMillis == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(classMillis));
  }

  /** A segment whose test classes' own times are not known. */
  public SegmentResult(
      String id,
      String description,
      List<String> between,
      Outcome outcome,
      String message,
      String startedAt,
      long durationMillis,
      long fixturesMillis,
      long dataMillis,
      long testsMillis,
      long teardownMillis,
      List<FixtureResult> fixtures,
      List<TestResult> tests) {
    this(
        id,
        description,
        between,
        outcome,
        message,
        startedAt,
        durationMillis,
        fixturesMillis,
        dataMillis,
        testsMillis,
        teardownMillis,
        fixtures,
        tests,
        Map.of());
  }

  /** A segment that prepared no data. */
  public SegmentResult(
      String id,
      String description,
      List<String> between,
      Outcome outcome,
      String message,
      String startedAt,
      long durationMillis,
      long fixturesMillis,
      long testsMillis,
      long teardownMillis,
      List<FixtureResult> fixtures,
      List<TestResult> tests) {
    this(
        id,
        description,
        between,
        outcome,
        message,
        startedAt,
        durationMillis,
        fixturesMillis,
        0,
        testsMillis,
        teardownMillis,
        fixtures,
        tests);
  }

  /** This result with the time its fixtures took to stop, known once they have. */
  public SegmentResult withTeardownMillis(long millis) {
    return new SegmentResult(
        id,
        description,
        between,
        outcome,
        message,
        startedAt,
        durationMillis,
        fixturesMillis,
        dataMillis,
        testsMillis,
        millis,
        fixtures,
        tests,
        classMillis);
  }

  /** The tests that failed or errored. */
  public List<TestResult> failures() {
    return tests.stream().filter(t -> t.outcome().failed()).toList();
  }

  /** The tests that failed, then passed on a retry. */
  public List<TestResult> flaky() {
    return tests.stream().filter(t -> t.outcome() == TestOutcome.FLAKY).toList();
  }

  /** {@code "orders ↔ orders-db"}. */
  public String boundaryLabel() {
    return String.join(" \u2194 ", between);
  }
}
