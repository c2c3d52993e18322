package io.segmented.engine.run;

import io.segmented.engine.RunListener;
import io.segmented.engine.RunRequest;
import io.segmented.engine.TestRuntime;
import io.segmented.engine.contract.ContractException;
import io.segmented.engine.data.SeedException;
import io.segmented.engine.data.Seeds;
import io.segmented.engine.fixture.Fixture;
import io.segmented.engine.fixture.FixtureSet;
import io.segmented.engine.fixture.FixtureStartException;
import io.segmented.engine.fixture.Keeping;
import io.segmented.engine.fixture.SharedFixtures;
import io.segmented.engine.fork.ClassData;
import io.segmented.engine.plan.Plan;
import io.segmented.engine.restore.RestoreException;
import io.segmented.engine.restore.Restores;
import io.segmented.manifest.DataScope;
import io.segmented.manifest.Provider;
import io.segmented.manifest.SegmentSpec;
import io.segmented.results.FixtureResult;
import io.segmented.results.Outcome;
import io.segmented.results.SegmentResult;
import io.segmented.results.TestResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.testcontainers.containers.Network;

/** One segment from its fixtures' start to their stop: record, tear down, then report. */
final class SegmentRun {

  private final RunRequest request;
  private final Plan plan;
  private final TestRuntime runtime;
  private final SegmentSpec segment;
  private final Map<String, Provider> providers;
  private final String runId;
  private final RunListener listener;
  private final Cleanup cleanup;
  private final Sources sources;
  private final Secrets secrets;
  private final Map<String, Long> seedMillis = new ConcurrentHashMap<>();
  private final Ports ports;
  private final Optional<SegmentOpening> opened;

  SegmentRun(
      Plan plan,
      TestRuntime runtime,
      Ports ports,
      SegmentSpec segment,
      Map<String, Provider> providers,
      Sources sources,
      String runId,
      RunListener listener,
      Cleanup cleanup,
      Optional<SegmentOpening> opened) {
    this.request = plan.request();
    this.plan = plan;
    this.runtime = runtime;
    this.ports = ports;
    this.segment = segment;
    this.providers = providers;
    this.sources = sources;
    this.secrets = Secrets.of(request.manifest());
    this.runId = runId;
    this.listener = listener;
    this.cleanup = cleanup;
    this.opened = opened;
  }

  /**
   * What a segment gets from its run: the fixtures it shares ({@code reuse: run}) and the kept ones
   * ({@code -Dsegment.keep}), a test JVM started ahead, the class-data archives of the test JVMs.
   */
  record Sources(FixtureSources fixtures, JvmsAhead ahead, ClassData classData) {}

  /**
   * A segment whose result is final, its tests having ended, and whose fixtures are still to stop.
   *
   * @param result the result, its teardown time still 0
   * @param teardown stops the fixtures and removes the network, then masks the secrets in the
   *     segment's logs; returns how long that took in milliseconds
   */
  record Ended(SegmentResult result, Supplier<Long> teardown) {}

  /**
   * Starts the fixtures (or waits for those started ahead of it), prepares the data, runs the
   * tests; leaves the fixtures to {@link Ended}.
   */
  Ended run() {
    // a segment whose fixtures started ahead counts from its lane's start: what it still waited
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    listener.segmentStarted(segment);
    SegmentOpening opening =
        opened.orElseGet(
            () ->
                SegmentOpening.open(
                    request,
                    segment,
                    providers,
                    sources.fixtures(),
                    ports,
                    runId,
                    secrets,
                    cleanup));
    List<Fixture> fixtures = opening.fixtures();
    FixtureSet set = opening.set();
    Path logDir = opening.logDir();
    SegmentTests segmentTests =
        new SegmentTests(
            plan,
            runtime,
            segment,
            cleanup,
            ports.jvms(),
            secrets.mask(),
            sources.classData(),
            listener);
    // the test JVM starts beside the fixtures, discovering and loading the tests while they start
    Optional<SegmentTests.Started> beside =
        sources
            .ahead()
            .take(
                segment,
                () -> opened.flatMap(SegmentOpening::jvm).or(() -> startBeside(segmentTests)));
    // the JVM that waited ahead is taken: the next segment's starts now, not when these tests begin
    sources.ahead().startNext();
    Outcome outcome;
    String message = "";
    List<TestResult> tests = List.of();
    long fixturesMillis = 0;
    long dataMillis = 0;
    Restores restores = null;
    long testsMillis = 0;
    try {
      try {
        opening.start(listener);
      } finally {
        fixturesMillis = millisSince(start);
      }
      long dataStart = System.nanoTime();
      ContractRun contract;
      try {
        seed(fixtures, segment.timeout().minusNanos(System.nanoTime() - start));
        contract =
            new ContractRun(
                segment, request.moduleDir(), fixtures, logDir, !plan.testFilter().picksSome());
        restores = Restores.of(segment, fixtures, contract.journalTaps());
        restores.prepare();
      } finally {
        dataMillis = millisSince(dataStart);
      }
      // the contract's checks count as tests: a provider's examples are tests of the segment
      long testsStart = System.nanoTime();
      try {
        Optional<String> brokenStubs = contract.beforeTests();
        if (brokenStubs.isPresent()) {
          outcome = Outcome.CONTRACT_MISMATCH;
          message = brokenStubs.get();
        } else {
          Duration left = segment.timeout().minusNanos(System.nanoTime() - start);
          // the next segment's JVM loads its tests while these run
          sources.ahead().startNext();
          SegmentTests.TestsOutcome ran =
              segmentTests.run(
                  TestJvmProperties.of(segment, request.moduleDir(), fixtures),
                  left,
                  beside,
                  restorePort(restores),
                  restores.token());
          beside = Optional.empty();
          ContractRun.Verdict checked = contract.afterTests(ran);
          outcome = checked.outcome();
          message = checked.message();
          tests = new ArrayList<>(ran.tests());
          tests.addAll(contract.verified());
        }
      } finally {
        testsMillis = millisSince(testsStart);
      }
      Optional<String> failedRestore = restores.failure();
      if (failedRestore.isPresent()) {
        outcome = Outcome.FIXTURE_ERROR;
        message = "segment '" + segment.id() + "': " + failedRestore.get();
      }
    } catch (ContractException e) {
      outcome = Outcome.ERROR;
      message = "segment '" + segment.id() + "': " + e.getMessage();
    } catch (RestoreException e) {
      outcome = Outcome.FIXTURE_ERROR;
      message = "segment '" + segment.id() + "': " + e.getMessage();
    } catch (FixtureStartException e) {
      outcome = Outcome.FIXTURE_ERROR;
      message = "segment '" + segment.id() + "': " + e.getMessage();
    } catch (SeedException e) {
      outcome = Outcome.FIXTURE_ERROR;
      message = "segment '" + segment.id() + "': seed " + e.getMessage();
    } catch (IOException e) {
      outcome = Outcome.ERROR;
      message =
          "segment '" + segment.id() + "': the test JVM could not be started: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = Outcome.ERROR;
      message = "segment '" + segment.id() + "': interrupted";
    }
    if (beside.isPresent()) {
      // the tests never ran: a fixture, the data or the contract failed first
      beside.get().jvm().close();
      cleanup.remove(beside.get().jvm());
    }
    if (restores != null) {
      restores.close();
    }
    Network segmentNetwork = opening.network();
    Supplier<Long> teardown =
        () -> {
          long teardownStart = System.nanoTime();
          segmentTests.closeExiting();
          set.close();
          cleanup.remove(set);
          if (segmentNetwork != null) {
            try {
              segmentNetwork.close();
            } catch (RuntimeException e) {
              // removed by the janitor at the end of the run
            }
          }
          secrets.maskFiles(logDir);
          secrets.maskFiles(request.workDir().resolve(segment.id()));
          return millisSince(teardownStart);
        };
    SegmentResult result =
        secrets.mask(
            new SegmentResult(
                segment.id(),
                segment.description(),
                segment.boundary().between(),
                outcome,
                message,
                startedAt.toString(),
                millisSince(start),
                fixturesMillis,
                dataMillis,
                testsMillis,
                0,
                fixtureResults(
                    fixtures,
                    set.startTimes(),
                    outcome == Outcome.FIXTURE_ERROR ? message : "",
                    restores == null ? Map.of() : restores.stats()),
                tests,
                segmentTests.classMillis()));
    return new Ended(result, teardown);
  }

  /**
   * Seeds each fixture's data into the segment's own database, once, before the tests; each
   * statement within what is {@code left} of the segment's timeout.
   */
  private void seed(List<Fixture> fixtures, Duration left) throws SeedException {
    for (Fixture f : fixtures) {
      DataScope scope = segment.data().get(f.spec().id());
      if (scope != null && !scope.seed().isEmpty() && !f.seeded()) {
        long started = System.nanoTime();
        Seeds.run(scope, f, left.isNegative() ? Duration.ofSeconds(1) : left);
        seedMillis.put(f.spec().id(), millisSince(started));
      }
    }
  }

  private List<FixtureResult> fixtureResults(
      List<Fixture> fixtures,
      Map<String, Duration> startTimes,
      String error,
      Map<String, Restores.Stats> restoreStats) {
    List<FixtureResult> out = new ArrayList<>();
    for (Fixture f : fixtures) {
      Duration took = startTimes.get(f.spec().id());
      Restores.Stats restored =
          restoreStats.getOrDefault(f.spec().id(), new Restores.Stats(0, 0, 0));
      out.add(
          new FixtureResult(
                  f.spec().id(),
                  f.spec().kind().key(),
                  f.image(),
                  f.provider(),
                  f.shared() ? "run" : FixtureResult.OWN,
                  took == null ? 0 : took.toMillis(),
                  "logs/"
                      + (f.shared() ? SharedFixtures.LOG_FOLDER : segment.id())
                      + "/"
                      + f.spec().id()
                      + ".log",
                  took == null ? error : "")
              .withRestores(restored.count(), restored.meanMillis(), restored.maxMillis())
              .withSeedMillis(seedMillis.getOrDefault(f.spec().id(), 0L))
              .withKept(f.kept().map(Keeping::describe).orElse("")));
    }
    return out;
  }

  private static long millisSince(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
  }

  /** The launcher's arguments that make the test JVM ask for restores; none when none are due. */
  private static int restorePort(Restores restores) throws IOException {
    return restores.boundaries().isEmpty() ? 0 : restores.listen();
  }

  /**
   * The first test JVM, started now, beside the fixtures, unless the run starts it after them
   * ({@code -Dsegment.jvmBeside=false}); empty also when it could not start (it is started again
   * after the fixtures, and says then what is wrong).
   */
  private Optional<SegmentTests.Started> startBeside(SegmentTests tests) {
    if (!request.jvmBeside()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          tests.startBeside(TestJvmProperties.of(segment, request.moduleDir(), List.of())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
