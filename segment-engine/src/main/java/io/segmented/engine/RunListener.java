package io.segmented.engine;

import io.segmented.engine.fixture.Keeping;
import io.segmented.engine.fork.ClassData;
import io.segmented.manifest.SegmentSpec;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import io.segmented.results.TestResult;
import java.time.Duration;
import java.util.List;

/**
 * What a run tells as it goes. The engine does not log; the caller decides what to show. Every
 * method has an empty default.
 */
public interface RunListener {

  /** The run begins with these segments, up to {@code parallel} at once. */
  default void runStarted(String runId, List<SegmentSpec> segments, int parallel) {}

  /**
   * The run starts its segments in this order, {@code how} chosen from the history, rather than in
   * the manifest's. Told only when the two differ.
   */
  default void startOrder(String how, List<SegmentSpec> order) {}

  /** Containers and networks of earlier runs whose build is gone were removed. */
  default void orphansRemoved(int count) {}

  /**
   * Testcontainers runs without its Ryuk container: the run removes what it starts by label. Told
   * once per build.
   */
  default void ryukNotUsed() {}

  /**
   * Local processes of earlier runs whose build is gone were stopped: each as {@code fixture 'svc'
   * of segment 's' (pid 1234: java -jar app.jar)}.
   */
  default void orphanProcessesStopped(List<String> processes) {}

  /**
   * The run took over the fixtures of {@code segmentIds} that {@code segment:warm-up} started ahead
   * of it, while Maven compiled.
   */
  default void startedAhead(List<String> segmentIds) {}

  /**
   * The run stopped what {@code segment:warm-up} began ahead of it, for the reason {@code why}: its
   * plan, made after the compile, starts other segments or starts them otherwise, or the start was
   * not ready in time.
   */
  default void headStartDropped(String why) {}

  /**
   * The run stopped the test JVMs {@code segment:warm-up} started ahead of it, before they read any
   * test class, for the reason {@code why} (the test classpath they were started with is not the
   * one the tests were compiled against); each segment's lane starts its own.
   */
  default void jvmsAheadStopped(String why) {}

  /** A segment begins. */
  default void segmentStarted(SegmentSpec segment) {}

  /**
   * A fixture of a segment is ready; a {@code shared} one ({@code reuse: run}) is ready with the
   * segment's own data on it, {@code took} including the wait for the first start.
   */
  default void fixtureStarted(
      String segmentId,
      String fixtureId,
      String kind,
      String image,
      boolean shared,
      Duration took) {}

  /**
   * A kept fixture ({@code -Dsegment.keep}) of a segment is ready with fresh data: leased from an
   * earlier build, or started by this one and kept from now on, as {@code kept} says.
   */
  default void fixtureKept(
      String segmentId, String fixtureId, String kind, String image, Keeping kept, Duration took) {}

  /** The sweep removed {@code count} kept fixtures whose time had run out. */
  default void keptExpired(int count) {}

  /**
   * A test of {@code segmentId} failed, as its JVM told it while the segment still runs: its first
   * attempt's failure, with the first line of its message and no stack trace. The segment's verdict
   * ({@link #segmentFinished}) follows, with all of them.
   *
   * @param retried whether the segment runs its failed tests again ({@code retries}), so that this
   *     one may yet pass, as flaky
   */
  default void testFailed(String segmentId, TestResult test, boolean retried) {}

  /** A segment ended, with its verdict. */
  default void segmentFinished(SegmentResult result) {}

  /**
   * What stopping a segment's test JVM had to stop beyond the JVM's own exit ({@code
   * JvmLauncher.Forked#leftovers}): a JVM that did not exit after its tests, processes its tests
   * left running. May come after the segment finished.
   */
  default void testJvmLeftovers(String segmentId, List<String> leftovers) {}

  /**
   * The run ended and its results are written. A build that Ctrl-C or a signal stopped waits for
   * this to return (with the results, at most {@code Cleanup.RESULTS_WAIT} once its test JVMs and
   * fixtures are stopped), so that a listener that writes more files of the run, as the HTML
   * report, writes them here.
   */
  default void runFinished(RunResult result) {}

  /**
   * A class-data archive of the test JVMs' classpath was dumped at the end of the run, or could not
   * be ({@link ClassData.Written#ok()}).
   */
  default void classDataWritten(ClassData.Written written) {}
}
