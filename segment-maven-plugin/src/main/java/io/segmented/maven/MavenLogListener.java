package io.segmented.maven;

import io.segmented.engine.PropertyNames;
import io.segmented.engine.RunListener;
import io.segmented.engine.fixture.Keeping;
import io.segmented.engine.fork.ClassData;
import io.segmented.manifest.SegmentSpec;
import io.segmented.results.Outcome;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.maven.plugin.logging.Log;

/**
 * Turns the engine's events into Maven log lines: one per fixture start, one per segment, details
 * at DEBUG.
 */
final class MavenLogListener implements RunListener {

  private final Log log;
  private final Path basedir;
  private final Path reportsDir;
  private final Consumer<RunResult> finished;

  /** The failures told so far by segment, as they came: a few each, the verdict lists them all. */
  private final Map<String, Integer> toldFailures = new ConcurrentHashMap<>();

  /** How many failures of a segment are told as they come. */
  static final int TOLD_FAILURES = 5;

  MavenLogListener(Log log, Path basedir, Path reportsDir) {
    this(log, basedir, reportsDir, result -> {});
  }

  /**
   * As {@link #MavenLogListener(Log, Path, Path)}, and hands the finished run to {@code finished}
   * after its summary lines: what it writes, a build that Ctrl-C stopped waits for too.
   */
  MavenLogListener(Log log, Path basedir, Path reportsDir, Consumer<RunResult> finished) {
    this.log = log;
    this.basedir = basedir;
    this.reportsDir = reportsDir;
    this.finished = finished;
  }

  @Override
  public void runStarted(String runId, List<SegmentSpec> segments, int parallel) {
    if (segments.isEmpty()) {
      log.info("No segment to run: the selection left every segment out (reasons below)");
    } else {
      log.info("Running " + segments.size() + " segment(s), " + parallel + " at a time");
    }
    log.debug("Run id " + runId);
  }

  @Override
  public void startOrder(String how, List<SegmentSpec> order) {
    log.info(
        "Starting them "
            + how
            + ": "
            + order.stream().map(SegmentSpec::id).collect(Collectors.joining(", ")));
  }

  @Override
  public void orphansRemoved(int count) {
    log.info(
        "Removed "
            + count
            + " container(s) and network(s) left by an earlier run that did not end");
  }

  @Override
  public void keptExpired(int count) {
    log.info("Removed " + count + " kept fixture(s) whose keep time had run out");
  }

  @Override
  public void fixtureKept(
      String segmentId, String fixtureId, String kind, String image, Keeping kept, Duration took) {
    log.info(
        fixture(segmentId, fixtureId, kind, image)
            + ") "
            + (kept.leased()
                ? "kept, " + Keeping.roughly(kept.age()) + " old, ready in " + millis(took)
                : "started in "
                    + seconds(took.toMillis())
                    + ", kept for "
                    + Keeping.words(kept.keep())
                    + (kept.why().isEmpty()
                        ? ""
                        : " (a kept one did not fit: " + kept.why() + ")")));
  }

  /** {@code [segment] fixture id (kind, image}: how a fixture's line starts. */
  private static String fixture(String segmentId, String fixtureId, String kind, String image) {
    return "[" + segmentId + "] fixture " + fixtureId + " (" + kind + ", " + image;
  }

  /** {@code 40 ms} under a second, else as {@link #seconds}. */
  private static String millis(Duration took) {
    return took.toMillis() < 1000 ? took.toMillis() + " ms" : seconds(took.toMillis());
  }

  @Override
  public void classDataWritten(ClassData.Written written) {
    if (written.ok()) {
      log.info(
          String.format(
              java.util.Locale.ROOT,
              "Class-data archive of the test classpath's jars written in %.1f s (%d classes listed,"
                  + " %s): later test JVMs map it instead of loading those classes"
                  + " (-Dsegment.cds=false: none)",
              written.millis() / 1000.0,
              written.classes(),
              written.file().map(Object::toString).orElse("")));
    } else {
      log.info(
          "No class-data archive of the test classpath's jars: "
              + written.failure().orElse("")
              + "; the test JVMs load their classes one by one");
    }
  }

  @Override
  public void ryukNotUsed() {
    log.info(
        "Testcontainers runs without its Ryuk container: this plugin removes what it starts by"
            + " label (set TESTCONTAINERS_RYUK_DISABLED=false to have Ryuk as well)");
  }

  @Override
  public void startedAhead(List<String> segmentIds) {
    log.info(
        "Fixtures of "
            + String.join(", ", segmentIds)
            + " started ahead, while Maven compiled (segment:warm-up; -D"
            + PropertyNames.HEAD_START
            + "=false leaves them to this goal)");
  }

  @Override
  public void headStartDropped(String why) {
    log.info("Stopped the fixtures segment:warm-up started ahead, and starting afresh: " + why);
  }

  @Override
  public void jvmsAheadStopped(String why) {
    log.info(
        "Stopped the test JVMs segment:warm-up started ahead, and starting them afresh: " + why);
  }

  @Override
  public void orphanProcessesStopped(List<String> processes) {
    log.info(
        "Stopped "
            + processes.size()
            + " process(es) left by an earlier run that did not end: "
            + String.join(", ", processes));
  }

  @Override
  public void testJvmLeftovers(String segmentId, List<String> leftovers) {
    leftovers.forEach(l -> log.warn("[" + segmentId + "] " + l));
  }

  @Override
  public void segmentStarted(SegmentSpec segment) {
    log.debug("[" + segment.id() + "] started (" + segment.boundary().label() + ")");
  }

  @Override
  public void fixtureStarted(
      String segmentId,
      String fixtureId,
      String kind,
      String image,
      boolean shared,
      Duration took) {
    log.info(
        fixture(segmentId, fixtureId, kind, image)
            + (shared
                ? ", shared by the run) ready with the segment's own data in "
                : ") started in ")
            + seconds(took.toMillis()));
  }

  /**
   * A failure as it comes, while its segment still runs (the first {@value #TOLD_FAILURES} of each
   * segment): which boundary's test broke, and its first line, seconds before the segment's
   * verdict. A warning only where the segment retries it, and it may yet pass as flaky.
   */
  @Override
  public void testFailed(String segmentId, TestResult test, boolean retried) {
    int told = toldFailures.merge(segmentId, 1, Integer::sum);
    String line;
    if (told <= TOLD_FAILURES) {
      line =
          "["
              + segmentId
              + "] \u2718 "
              + test.className()
              + "."
              + test.name()
              + " "
              + test.outcome().name()
              + (retried ? " (may be retried)" : "")
              + (test.message().isEmpty() ? "" : ": " + test.message());
    } else if (told == TOLD_FAILURES + 1) {
      line = "[" + segmentId + "] more tests failed: the segment's verdict lists them all";
    } else {
      return;
    }
    if (retried) {
      log.warn(line);
    } else {
      log.error(line);
    }
  }

  @Override
  public void segmentFinished(SegmentResult result) {
    String mark =
        result.outcome().failsBuild()
            ? "\u2718"
            : result.outcome() == Outcome.FLAKY ? "\u26a0" : "\u2714";
    long passed =
        result.tests().stream()
            .filter(t -> t.outcome() == TestOutcome.PASSED || t.outcome() == TestOutcome.FLAKY)
            .count();
    int flaky = result.flaky().size();
    String line =
        mark
            + " "
            + result.id()
            + " ("
            + result.boundaryLabel()
            + ") "
            + result.outcome().label()
            + ": "
            + passed
            + "/"
            + result.tests().size()
            + " tests passed"
            + (flaky > 0 ? " (" + flaky + " flaky)" : "")
            + ", "
            + seconds(result.durationMillis())
            + " (fixtures "
            + seconds(result.fixturesMillis())
            + (result.dataMillis() > 0 ? ", data " + seconds(result.dataMillis()) : "")
            + ", tests "
            + seconds(result.testsMillis())
            + ")";
    if (result.outcome() == Outcome.SKIPPED) {
      log.info(
          "- " + result.id() + " (" + result.boundaryLabel() + ") SKIPPED: " + result.message());
      return;
    }
    if (result.outcome() == Outcome.PASSED) {
      log.info(line);
    } else if (result.outcome() == Outcome.FLAKY) {
      log.warn(line);
      result
          .flaky()
          .forEach(
              t -> log.warn("  " + t.className() + "." + t.name() + ": " + Verdict.flakyNote(t)));
    } else {
      log.error(line);
      if (!result.message().isEmpty()) {
        log.error("  " + result.message());
      }
      result
          .failures()
          .forEach(t -> log.error("  " + t.className() + "." + t.name() + ": " + t.message()));
    }
  }

  @Override
  public void runFinished(RunResult result) {
    RunResult.Totals t = result.totals();
    log.info(
        "Segments: "
            + t.segments()
            + ", failed: "
            + t.failedSegments()
            + "; tests: "
            + t.tests()
            + ", failures: "
            + t.failures()
            + ", errors: "
            + t.errors()
            + ", skipped: "
            + t.skipped()
            + (t.flaky() > 0 ? ", flaky: " + t.flaky() : "")
            + "; "
            + seconds(result.durationMillis()));
    log.info("Results: " + basedir.relativize(reportsDir) + "/");
    finished.accept(result);
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
