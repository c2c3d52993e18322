package io.segmented.engine.run;

import io.segmented.engine.EngineException;
import io.segmented.engine.RunListener;
import io.segmented.engine.RunRequest;
import io.segmented.engine.UnsupportedManifestException;
import io.segmented.engine.fixture.DockerJanitor;
import io.segmented.engine.fixture.FixtureFactory;
import io.segmented.engine.fixture.FixtureGraph;
import io.segmented.engine.fixture.SharedFixtures;
import io.segmented.engine.history.History;
import io.segmented.engine.plan.RunChecks;
import io.segmented.engine.plan.Selection;
import io.segmented.manifest.FixtureSpec;
import io.segmented.manifest.Provider;
import io.segmented.manifest.SegmentSpec;
import io.segmented.results.JUnitXmlWriter;
import io.segmented.results.Outcome;
import io.segmented.results.ResultsFiles;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import io.segmented.results.SegmentTrend;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Runs the segments of one module: checks that everything can start before anything does, runs each
 * segment with its own fixtures and test JVM, writes {@code segment-results.json} and JUnit XML,
 * and leaves nothing running.
 */
public final class Executor {

  /** Runs every segment of the request's manifest. */
  public RunResult run(RunRequest request, RunListener listener)
      throws EngineException, UnsupportedManifestException {
    List<SegmentSpec> all = List.copyOf(request.manifest().segments().values());
    List<String> unmatched = request.selection().unmatched(all);
    if (!unmatched.isEmpty()) {
      throw new UnsupportedManifestException(
          "-Dsegment="
              + request.selection()
              + ": "
              + String.join(", ", unmatched)
              + " selects no segment. Segments: "
              + all.stream().map(SegmentSpec::id).collect(Collectors.joining(", ")));
    }
    History history = readHistory(request.historyFile());
    List<SegmentSpec> selected = all.stream().filter(request.selection()::selects).toList();
    List<SegmentSpec> segments =
        request.shard().map(shard -> shard.share(selected, history)).orElse(selected);
    List<FixtureSpec> needed =
        segments.stream()
            .flatMap(s -> FixtureGraph.of(request.manifest(), s).stream())
            .distinct()
            .toList();
    Map<String, Provider> providers = new LinkedHashMap<>();
    BooleanSupplier dockerAvailable = memoized(DockerJanitor::dockerAvailable);
    for (FixtureSpec f : needed) {
      providers.put(f.id(), FixtureFactory.resolve(f, request.providerOverride(), dockerAvailable));
    }
    RunChecks.sharedDependencies(needed, request.manifest());
    List<FixtureSpec> inContainers =
        needed.stream().filter(f -> providers.get(f.id()) == Provider.CONTAINER).toList();
    boolean docker = !inContainers.isEmpty();
    if (docker) {
      RunChecks.docker(request, inContainers, dockerAvailable);
    }
    String runId = UUID.randomUUID().toString();
    int parallel = Math.max(1, Math.min(request.parallel(), segments.size()));
    listener.runStarted(runId, segments, parallel);
    List<SegmentSpec> startOrder = request.runOrder().sort(segments, history);
    if (!startOrder.equals(segments)) {
      listener.startOrder(request.runOrder().describe(), startOrder);
    }
    if (docker) {
      DockerJanitor.preloadShutdownHookClasses(runId);
      int orphans = DockerJanitor.removeOrphans();
      if (orphans > 0) {
        listener.orphansRemoved(orphans);
      }
    }
    clearPreviousResults(request);
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    List<SegmentResult> results = new ArrayList<>();
    RunListener events = new SerializedListener(listener);
    ExecutorService pool = Executors.newFixedThreadPool(parallel, segmentThreads());
    try (Cleanup cleanup =
        new Cleanup(() -> removeRun(docker, runId), () -> sweepLate(docker, runId))) {
      SharedFixtures shared =
          new SharedFixtures(
              runId,
              request.reportsDir().resolve("logs").resolve(SharedFixtures.LOG_FOLDER),
              sharedUsers(request, segments));
      cleanup.add(shared);
      List<Future<SegmentResult>> running = new ArrayList<>();
      AtomicBoolean failed = new AtomicBoolean();
      for (SegmentSpec segment : startOrder) {
        running.add(
            pool.submit(
                () -> {
                  if (cleanup.closed() || (request.failFast() && failed.get())) {
                    return null;
                  }
                  SegmentResult result =
                      new SegmentRun(request, segment, providers, shared, runId, events, cleanup)
                          .run();
                  if (result.outcome().failsBuild()) {
                    failed.set(true);
                  }
                  JUnitXmlWriter.write(request.reportsDir(), result);
                  events.segmentFinished(result);
                  return result;
                }));
      }
      Map<String, SegmentResult> byId = new LinkedHashMap<>();
      for (Future<SegmentResult> f : running) {
        SegmentResult result = await(f);
        if (result != null) {
          byId.put(result.id(), result);
        }
      }
      String notStarted =
          request.failFast() && failed.get()
              ? "not started: an earlier segment failed and segment.failFast is set"
              : "not started: the run was stopped";
      for (SegmentSpec segment : all) {
        SegmentResult result = byId.get(segment.id());
        if (result == null) {
          result =
              skipped(
                  segment,
                  !request.selection().selects(segment)
                      ? request.selection().whyLeftOut(segment)
                      : !segments.contains(segment)
                          ? "in another shard than -Dsegment.shard=" + request.shard().orElseThrow()
                          : notStarted);
          events.segmentFinished(result);
        }
        results.add(result);
      }
    } finally {
      pool.shutdownNow();
    }
    RunResult run =
        new RunResult(
            RunResult.SCHEMA_VERSION,
            runId,
            request.module(),
            startedAt.toString(),
            Duration.ofNanos(System.nanoTime() - start).toMillis(),
            RunResult.Totals.of(results),
            results,
            Map.of(),
            describeSelection(request));
    // a run of some of the tests (-Dit.test, -Dgroups) says little of a segment: it is not recorded
    run =
        withHistory(run, history, request.testFilter().picksSome() ? null : request.historyFile());
    ResultsFiles.write(request.reportsDir(), run);
    listener.runFinished(run);
    return run;
  }

  /** How many of the segments to run use each fixture the run shares. */
  private static Map<String, Integer> sharedUsers(RunRequest request, List<SegmentSpec> segments) {
    Map<String, Integer> users = new LinkedHashMap<>();
    for (SegmentSpec s : segments) {
      for (FixtureSpec f : FixtureGraph.of(request.manifest(), s)) {
        if (SharedFixtures.shares(f)) {
          users.merge(f.id(), 1, Integer::sum);
        }
      }
    }
    return users;
  }

  /** The run's selection as the report shows it. */
  private static String describeSelection(RunRequest request) {
    List<String> parts = new ArrayList<>();
    if (!request.selection().patterns().isEmpty()) {
      parts.add("-Dsegment=" + request.selection());
    }
    if (request.selection().leftOut().values().stream()
        .anyMatch(why -> why.startsWith(Selection.LEFT_OUT_BY_CHANGE))) {
      parts.add("by change (-Dsegment.changedSince)");
    }
    if (request.testFilter().active()) {
      parts.add(request.testFilter().describe());
    }
    request.shard().ifPresent(shard -> parts.add("shard " + shard));
    return parts.isEmpty() ? "all" : String.join(", ", parts);
  }

  private static History readHistory(Path file) throws EngineException {
    try {
      return History.read(file);
    } catch (IOException e) {
      throw new EngineException(e.getMessage(), e);
    }
  }

  /**
   * Records the run in the history {@code file} (none: not recorded) and gives each segment its
   * recent runs.
   */
  private static RunResult withHistory(RunResult run, History before, Path file)
      throws EngineException {
    History after = file == null ? before : before.with(run);
    try {
      if (file != null) {
        after.write(file);
      }
    } catch (IOException e) {
      throw new EngineException(
          "cannot write the segment history " + file + ": " + e.getMessage(), e);
    }
    Map<String, SegmentTrend> trends = new LinkedHashMap<>();
    run.segments().forEach(s -> trends.put(s.id(), after.trend(s.id())));
    return run.withTrends(trends);
  }

  private static SegmentResult skipped(SegmentSpec segment, String why) {
    return new SegmentResult(
        segment.id(),
        segment.description(),
        segment.boundary().between(),
        Outcome.SKIPPED,
        why,
        Instant.now().toString(),
        0,
        0,
        0,
        0,
        List.of(),
        List.of());
  }

  private static SegmentResult await(Future<SegmentResult> future) throws EngineException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("the run was interrupted", e);
    } catch (ExecutionException e) {
      throw new EngineException("a segment broke the run: " + e.getCause(), e.getCause());
    }
  }

  private static ThreadFactory segmentThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "segment-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static BooleanSupplier memoized(BooleanSupplier supplier) {
    Boolean[] value = new Boolean[1];
    return () -> {
      if (value[0] == null) {
        value[0] = supplier.getAsBoolean();
      }
      return value[0];
    };
  }

  private static void removeRun(boolean docker, String runId) {
    if (docker) {
      try {
        DockerJanitor.removeRun(runId);
      } catch (RuntimeException e) {
        // the next run removes what is left by label
      }
    }
  }

  /**
   * A container or network Docker was still creating when Ctrl-C came appears after the run's
   * things were removed: look again until two looks in a row find nothing of the run, for at most 3
   * s. (A creation that comes later still, after a long image pull, is removed by the next run.)
   */
  private static void sweepLate(boolean docker, String runId) {
    if (!docker) {
      return;
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    int quiet = 0;
    try {
      while (quiet < 2 && System.nanoTime() < deadline) {
        Thread.sleep(200);
        quiet = DockerJanitor.removeRun(runId) == 0 ? quiet + 1 : 0;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // the next run removes what is left by label
    }
  }

  /** Results of an earlier run would mix with this one's: remove them, and only them. */
  private static void clearPreviousResults(RunRequest request) throws EngineException {
    try {
      ResultsFiles.clear(request.reportsDir());
    } catch (IOException e) {
      throw new EngineException(
          "cannot clear the results of the previous run in "
              + request.reportsDir()
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
