package io.segmented.engine.run;

import io.segmented.engine.EngineException;
import io.segmented.engine.RunListener;
import io.segmented.engine.RunRequest;
import io.segmented.engine.TestRuntime;
import io.segmented.engine.advice.Advisor;
import io.segmented.engine.fixture.FixtureCreator;
import io.segmented.engine.fixture.Janitor;
import io.segmented.engine.fixture.KeptFixtures;
import io.segmented.engine.fixture.Reaper;
import io.segmented.engine.fixture.SharedFixtures;
import io.segmented.engine.fork.ClassData;
import io.segmented.engine.fork.JvmLauncher;
import io.segmented.engine.history.History;
import io.segmented.engine.plan.Plan;
import io.segmented.engine.plan.RunChecks;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Runs exactly what a {@link Plan} says: its selected segments in its start order, at most its
 * parallelism at once, each with its own fixtures and test JVM; writes {@code segment-results.json}
 * and JUnit XML, and leaves nothing running. Decides nothing the plan has decided.
 */
public final class Executor {

  /** How long the JDK may take to dump a class-data archive. */
  private static final Duration ARCHIVE_LIMIT = Duration.ofMinutes(2);

  private final Ports ports;

  /**
   * @param fixtures makes each segment's own fixtures
   * @param jvms starts the segments' test JVMs
   * @param janitor the segments' networks, and removing what runs leave behind
   */
  public Executor(FixtureCreator fixtures, JvmLauncher jvms, Janitor janitor) {
    this.ports = new Ports(fixtures, jvms, janitor);
  }

  /** An executor of real fixtures and JVMs on the local Docker engine. */
  public static Executor local() {
    return new Executor(FixtureCreator.LOCAL, JvmLauncher.LOCAL, Janitor.docker());
  }

  /**
   * Starts connecting to what the run will need (the Docker engine) in the background; call it
   * first, before reading the manifest and planning.
   */
  public void warmUp() {
    ports.janitor().warmUp();
  }

  /**
   * Plans a run and begins it ahead of its goal, in the background: its lease on the engine, the
   * sweep, and its first segments' fixtures, while Maven compiles. The run of the same plan takes
   * the start over ({@link #run}); a different plan, or no run at all, stops it. Does nothing when
   * the plan runs nothing, and says nothing of what fails: the run says it when it gets there.
   *
   * @param planner makes the plan, on the background thread
   * @param runtime the test JVMs' runtime, when the test classpath is known: the first segments'
   *     JVMs start too, and discover their tests once {@link #testsCompiled} says they are there
   */
  public void headStart(Path moduleDir, Callable<Plan> planner, Optional<TestRuntime> runtime) {
    HeadStarts.begin(
        moduleDir,
        guard -> {
          Plan plan = planner.call();
          if (plan.selected().isEmpty()) {
            return Optional.empty();
          }
          return guard.ifWanted(
              () -> {
                RunStart start = begin(plan, true);
                try {
                  start
                      .cleanup()
                      .saying(
                          "[segment] The build is ending before its segments ran: removing the"
                              + " fixtures started ahead of them");
                  start.openAhead(ports, runtime);
                  return start;
                } catch (Throwable e) {
                  start.close();
                  throw e;
                }
              });
        });
  }

  /**
   * The tests of {@code moduleDir} are compiled, and run with {@code runtime}: its head start's
   * test JVMs discover them.
   */
  public void testsCompiled(Path moduleDir, TestRuntime runtime) {
    HeadStarts.testsCompiled(moduleDir, runtime);
  }

  /**
   * Stops what {@link #headStart} began for {@code moduleDir}, if anything: its run will not come
   * (the run goal failed before it ran).
   */
  public void dropHeadStart(Path moduleDir) {
    HeadStarts.drop(moduleDir);
  }

  /**
   * Runs {@code plan}'s selected segments with test JVMs made of {@code runtime}; takes over the
   * run begun ahead of it when that started the same plan ({@link #headStart}).
   */
  public RunResult run(Plan plan, TestRuntime runtime, RunListener listener)
      throws EngineException {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    HeadStarts.Taken headStart = HeadStarts.take(plan);
    RunStart begun;
    if (headStart.start().isPresent()) {
      begun = headStart.start().get();
      try {
        // the results of the run before: kept while Maven compiled, so that a failed compile keeps
        // them; of the logs, only those of the fixtures started ahead stay
        PreviousResults.clear(plan.request(), begun.logFolders());
        begun.takenOver();
        begun.testsWith(runtime);
      } catch (EngineException | RuntimeException | Error e) {
        begun.close();
        throw e;
      }
    } else {
      begun = begin(plan, false);
    }
    begun.cleanup().saying(Cleanup.STOPPING);
    begun.cleanup().runWritesResults();
    try {
      return run(plan, runtime, listener, headStart, begun, startedAt, start);
    } catch (EngineException | RuntimeException | Error e) {
      // no results to wait for: a shutdown hook lets the JVM end at once
      begun.cleanup().resultsWritten();
      throw e;
    }
  }

  /** Runs the segments of {@code plan} on what {@code begun} holds, and writes the results. */
  private RunResult run(
      Plan plan,
      TestRuntime runtime,
      RunListener listener,
      HeadStarts.Taken headStart,
      RunStart begun,
      Instant startedAt,
      long start)
      throws EngineException {
    RunRequest request = plan.request();
    List<SegmentSpec> segments = plan.selected().stream().map(Plan.SegmentPlan::segment).toList();
    List<SegmentSpec> startOrder =
        plan.inStartOrder().stream().map(Plan.SegmentPlan::segment).toList();
    Map<String, Provider> providers = plan.providers();
    String runId = begun.runId();
    SerializedListener events = begun.events();
    try {
      listener.runStarted(runId, segments, plan.parallel());
      plan.startOrder().ifPresent(o -> listener.startOrder(o.how(), startOrder));
      if (headStart.dropped().isPresent()) {
        listener.headStartDropped(headStart.dropped().get());
        // what its setup found (leftovers of killed runs removed) is news to this run too; its
        // fixtures are not
        headStart.droppedEvents().ifPresent(dropped -> dropped.attach(setupEventsTo(events)));
      }
      if (!begun.openedAhead().isEmpty()) {
        listener.startedAhead(begun.openedAhead());
      }
      events.attach(listener);
    } catch (RuntimeException | Error e) {
      begun.close();
      throw e;
    }
    startSharedAhead(plan, begun.fixtures().shared());
    Secrets secrets = begun.secrets();
    List<SegmentResult> results = new ArrayList<>();
    try (Lanes lanes = new Lanes(plan.parallel());
        Cleanup cleanup = begun.cleanup()) {
      ClassData classData = begun.classData();
      AtomicBoolean failed = new AtomicBoolean();
      // no new segment once the run stops (Ctrl-C) or a segment failed under failFast
      BooleanSupplier stopping = () -> cleanup.closed() || (request.failFast() && failed.get());
      // the segments whose JVMs the head start started have theirs
      JvmsAhead ahead =
          jvmsAhead(
              plan,
              runtime,
              startOrder,
              startOrder.stream().filter(s -> !begun.jvmAhead(s.id())).toList(),
              cleanup,
              secrets,
              classData,
              events,
              stopping);
      for (SegmentSpec segment : startOrder) {
        lanes.submit(
            () -> {
              if (stopping.getAsBoolean()) {
                ahead.skip(segment);
                return null;
              }
              SegmentRun.Ended ended =
                  new SegmentRun(
                          plan,
                          runtime,
                          ports,
                          segment,
                          providers,
                          new SegmentRun.Sources(begun.fixtures(), ahead, classData),
                          runId,
                          events,
                          cleanup,
                          begun.take(segment.id()))
                      .run();
              // the result is final: the fixtures stop beside the next segment
              lanes.tearDown(segment.id(), ended);
              SegmentResult result = ended.result();
              if (result.outcome().failsBuild()) {
                failed.set(true);
              }
              JUnitXmlWriter.write(request.reportsDir(), result);
              events.segmentFinished(result);
              return result;
            });
      }
      Map<String, SegmentResult> ran;
      try {
        ran = lanes.awaitResults();
      } finally {
        ahead.close();
        // fixtures started ahead for segments that never ran (failFast, Ctrl-C)
        begun.closeUntaken();
      }
      cleanup.add(classData);
      CompletableFuture<List<ClassData.Written>> archives =
          cleanup.closed() ? CompletableFuture.completedFuture(List.of()) : writeAsync(classData);
      ports.janitor().awaitHelpers();
      ran = lanes.withTeardowns(ran);
      archives.join().forEach(events::classDataWritten);
      String notStarted =
          request.failFast() && failed.get()
              ? "not started: an earlier segment failed and segment.failFast is set"
              : "not started: the run was stopped";
      for (Plan.SegmentPlan planned : plan.segments()) {
        SegmentResult result = ran.get(planned.segment().id());
        if (result == null) {
          result = skipped(planned.segment(), planned.selected() ? notStarted : planned.reason());
          events.segmentFinished(result);
        }
        results.add(result);
      }
    } finally {
      begun.sweep().exceptionally(e -> null).join();
    }
    // what the shared fixtures' logs could not mask as they were written (an embedded PostgreSQL's)
    secrets.maskFiles(sharedLogs(request));
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
            plan.describeSelection());
    // a run of some of the tests (-Dit.test, -Dgroups) says little of a segment, nor does one that
    // Ctrl-C stopped: neither is recorded
    boolean recorded = !plan.testFilter().picksSome() && !begun.cleanup().stoppedBySignal();
    run = withHistory(run, plan.history(), recorded ? request.historyFile() : null);
    run = run.withAdvice(Advisor.afterRun(plan, run));
    ResultsFiles.write(request.reportsDir(), run);
    try {
      // what the listener writes of the run (the HTML report) is written before a build that Ctrl-C
      // stopped may end
      listener.runFinished(run);
    } finally {
      begun.cleanup().resultsWritten();
    }
    // a run that needed no container can end before the client connected ahead of it has
    ports.janitor().awaitWarmUp();
    return run;
  }

  /** Passes on to {@code listener} what a run's setup says, and nothing of its segments. */
  private static RunListener setupEventsTo(RunListener listener) {
    return new RunListener() {
      @Override
      public void orphansRemoved(int count) {
        listener.orphansRemoved(count);
      }

      @Override
      public void ryukNotUsed() {
        listener.ryukNotUsed();
      }

      @Override
      public void orphanProcessesStopped(List<String> processes) {
        listener.orphanProcessesStopped(processes);
      }

      @Override
      public void keptExpired(int count) {
        listener.keptExpired(count);
      }
    };
  }

  /**
   * What the run sets up before its first segment: its id, its lease on the engine and the sweep
   * beside it, cleared results, its cleanup, the fixtures it shares and keeps. Its events wait for
   * the run's listener. A start {@code ahead} of the run goal sets aside only the earlier run's
   * logs its fixtures would write over ({@link RunStart#logFolders}), and gives them back if no run
   * takes it over; the run clears them and the rest when it does.
   */
  private RunStart begin(Plan plan, boolean ahead) throws EngineException {
    RunRequest request = plan.request();
    List<String> inContainers = plan.containerFixtures();
    boolean docker = !inContainers.isEmpty();
    if (docker && !plan.docker().orElse(false)) {
      RunChecks.docker(request, inContainers.stream().map(request.manifest()::fixture).toList());
    }
    if (docker) {
      Optional<String> address = ports.janitor().hostAddressProblem();
      if (address.isPresent()) {
        throw new EngineException(
            address.get() + ". Fixtures in containers: " + String.join(", ", inContainers));
      }
    }
    String runId = UUID.randomUUID().toString();
    SerializedListener events = new SerializedListener();
    // first, so that whatever is made from here on is removed however the build ends
    Cleanup cleanup = new Cleanup(() -> removeRun(docker, runId), () -> sweepLate(docker, runId));
    try {
      List<String> processes = ports.janitor().stopOrphanProcesses();
      if (!processes.isEmpty()) {
        events.orphanProcessesStopped(processes);
      }
      CompletableFuture<Void> sweep = docker ? prepareEngine(runId, events) : done();
      Set<String> logFolders = RunStart.logFolders(plan);
      AtomicBoolean taken = new AtomicBoolean();
      if (ahead) {
        // a run that never comes (a failed compile, a dropped start) leaves the earlier run's
        // results as they were; closed after the fixtures that write these logs, and registered
        // first, so that what a setting aside that failed part way moved comes back too
        cleanup.add(
            () -> {
              if (!taken.get()) {
                PreviousResults.giveBackLogs(request, logFolders);
              }
            });
        PreviousResults.setAsideLogs(request, logFolders);
      } else {
        PreviousResults.clear(request, Set.of());
      }
      Secrets secrets = Secrets.of(request.manifest());
      // a killed run leaves its working files: masked before this run writes its own beside them
      secrets.maskFiles(request.workDir());
      KeptFixtures kept = new KeptFixtures(request.moduleDir(), plan.keep(), runId);
      SharedFixtures shared =
          new SharedFixtures(
              runId,
              sharedLogs(request),
              plan.sharedUsers(),
              request.snapshots(),
              secrets.mask(),
              plan.sharedSeeds(),
              kept,
              plan.sharedNetwork());
      cleanup.add(shared);
      ClassData classData =
          request.classData() ? new ClassData(request.workDir()) : ClassData.none();
      return new RunStart(
          plan,
          runId,
          events,
          sweep,
          secrets,
          cleanup,
          new FixtureSources(shared, kept),
          classData,
          logFolders,
          taken,
          () -> removeRun(docker, runId));
    } catch (EngineException | RuntimeException | Error e) {
      cleanup.close();
      throw e;
    }
  }

  /**
   * Starts the fixtures the run shares beside its first segments, in the order their users start,
   * instead of in the lane of the first segment that uses each: a shared PostgreSQL is ready with
   * its templates by the time its segments come. Not those that depend on other fixtures, which
   * start with their first user.
   */
  private static void startSharedAhead(Plan plan, SharedFixtures shared) {
    Map<String, Provider> providers = plan.providers();
    for (Plan.SegmentPlan segment : plan.inStartOrder()) {
      for (Plan.FixturePlan f : segment.fixtures()) {
        FixtureSpec spec = plan.request().manifest().fixture(f.id());
        if (f.shared() && spec.dependsOn().isEmpty()) {
          try {
            shared.startAhead(spec, providers.get(f.id()));
          } catch (RuntimeException e) {
            // the first segment that leases it starts it, and says what is wrong
          }
        }
      }
    }
  }

  /**
   * Starts the next segment's test JVM ahead of it when test JVMs start beside their fixtures and
   * more segments than lanes run; none otherwise. Of {@code startOrder}, only those {@code
   * withoutJvm} (the head start started none for them) get one.
   */
  private JvmsAhead jvmsAhead(
      Plan plan,
      TestRuntime runtime,
      List<SegmentSpec> startOrder,
      List<SegmentSpec> withoutJvm,
      Cleanup cleanup,
      Secrets secrets,
      ClassData classData,
      RunListener events,
      BooleanSupplier stopping) {
    RunRequest request = plan.request();
    if (!request.jvmBeside() || startOrder.size() <= plan.parallel()) {
      return JvmsAhead.none();
    }
    return new JvmsAhead(
        withoutJvm,
        segment -> {
          if (stopping.getAsBoolean()) {
            return Optional.empty();
          }
          try {
            return Optional.of(
                new SegmentTests(
                        plan,
                        runtime,
                        segment,
                        cleanup,
                        ports.jvms(),
                        secrets.mask(),
                        classData,
                        events)
                    .startBeside(TestJvmProperties.of(segment, request.moduleDir(), List.of())));
          } catch (IOException e) {
            return Optional.empty();
          }
        },
        started -> started.discard(cleanup));
  }

  /**
   * Gets the Docker engine ready for the run: the reaper, the run's lease and shutdown hook; and
   * starts the sweep of what killed runs left behind, which runs beside the first fixtures' start.
   */
  private CompletableFuture<Void> prepareEngine(String runId, RunListener events) {
    if (Reaper.choose() == Reaper.Choice.OWN_CLEANUP && Reaper.announce()) {
      events.ryukNotUsed();
    }
    ports.janitor().prepare(runId);
    return CompletableFuture.runAsync(
        () -> {
          int orphans = ports.janitor().removeOrphans();
          if (orphans > 0) {
            events.orphansRemoved(orphans);
          }
          int expired = ports.janitor().expireKept();
          if (expired > 0) {
            events.keptExpired(expired);
          }
        },
        runnable -> {
          Thread t = new Thread(runnable, "segment-sweep");
          t.setDaemon(true);
          t.start();
        });
  }

  /**
   * Dumps the class-data archives whose classes the run's test JVMs listed, beside the teardown of
   * the last segments' fixtures.
   */
  private static CompletableFuture<List<ClassData.Written>> writeAsync(ClassData classData) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return classData.write(ARCHIVE_LIMIT);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
          }
        },
        runnable -> {
          Thread t = new Thread(runnable, "segment-class-data");
          t.setDaemon(true);
          t.start();
        });
  }

  private static CompletableFuture<Void> done() {
    return CompletableFuture.completedFuture(null);
  }

  /** Where the logs of the fixtures the run shares go: {@code logs/_run}. */
  private static Path sharedLogs(RunRequest request) {
    return request.reportsDir().resolve("logs").resolve(SharedFixtures.LOG_FOLDER);
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

  private void removeRun(boolean docker, String runId) {
    if (docker) {
      try {
        ports.janitor().removeRun(runId);
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
  private boolean sweepLate(boolean docker, String runId) {
    if (!docker) {
      return true;
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    int quiet = 0;
    try {
      while (quiet < 2 && System.nanoTime() < deadline) {
        Thread.sleep(200);
        quiet = ports.janitor().removeRun(runId) == 0 ? quiet + 1 : 0;
      }
      return quiet >= 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (RuntimeException e) {
      return false; // the next run removes what is left by label
    }
  }
}
