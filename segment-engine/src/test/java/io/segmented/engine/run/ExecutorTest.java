package io.segmented.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.engine.EngineException;
import io.segmented.engine.RunListener;
import io.segmented.engine.RunRequest;
import io.segmented.engine.TestRuntime;
import io.segmented.engine.plan.Plan;
import io.segmented.engine.plan.Planner;
import io.segmented.manifest.Interpolator;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.ManifestLoader;
import io.segmented.results.Advice;
import io.segmented.results.Outcome;
import io.segmented.results.ResultsFiles;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import io.segmented.results.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor with fake fixtures, test JVMs and janitor: what it starts, in which order and how
 * many at once, and how each failure is attributed and cleaned up. No Docker, no forked JVM.
 */
class ExecutorTest {

  @TempDir Path dir;
  private final Fakes fakes = new Fakes();
  private Manifest manifest;
  private TestRuntime runtime;

  @BeforeEach
  void module() throws Exception {
    Files.createDirectories(dir.resolve("contracts"));
    Files.createDirectories(dir.resolve("stubs/mappings"));
    Files.createDirectories(dir.resolve("sql"));
    Files.writeString(dir.resolve("sql/schema.sql"), "create table t (id int);\n");
    Files.writeString(
        dir.resolve("contracts/prices.yaml"),
        """
        openapi: 3.0.3
        info: {title: prices, version: "1"}
        paths:
          /prices/{sku}:
            get:
              parameters: [{name: sku, in: path, required: true, schema: {type: string}}]
              responses:
                "200":
                  description: a price
                  content:
                    application/json:
                      schema:
                        type: object
                        properties: {cents: {type: integer}}
        """);
    Files.writeString(
        dir.resolve("stubs/mappings/drifted.json"),
        """
        {"request": {"method": "GET", "urlPath": "/costs/abc"},
         "response": {"status": 200, "jsonBody": {"cents": 5}}}
        """);
    Path file = dir.resolve("segments.yaml");
    Files.writeString(
        file,
        """
        version: 1
        fixtures:
          db: {container: {image: "db:1", ports: [5432]}}
          app: {container: {image: "app:1", ports: [8080]}, dependsOn: [db]}
          cache: {container: {image: "cache:1", ports: [6379]}}
          orders-db: {postgres: {image: "pg:16", database: orders}}
          prices: {wiremock: {mappings: stubs, provider: embedded}}
        segments:
          orders:
            boundary: {between: [client, app], tests: {classes: ["*ordersIT"]}}
            fixtures: [app]
          cached:
            boundary: {between: [client, cache], tests: {classes: ["*cachedIT"]}}
            fixtures: [cache]
          plain:
            boundary: {between: [client, rules], tests: {classes: ["*plainIT"]}}
            properties: {rules.api-token: tok-s3cret-99}
          seeded:
            boundary: {between: [orders, orders-db], tests: {classes: ["*seededIT"]}}
            fixtures: [orders-db]
            data: {orders-db: {seed: [sql/schema.sql]}}
          priced:
            boundary:
              between: [shop, prices]
              tests: {classes: ["*pricedIT"]}
              contract: {openapi: contracts/prices.yaml}
            fixtures: [prices]
        """);
    manifest = new ManifestLoader(Interpolator.of(dir, Map.of(), Map.of())).load(file);
    runtime =
        new TestRuntime(Path.of("java"), dir.resolve("target/test-classes"), List.of(), List.of());
  }

  private RunResult run(UnaryOperator<RunRequest.Builder> options) throws Exception {
    return run(options, new RunListener() {});
  }

  private RunResult run(UnaryOperator<RunRequest.Builder> options, RunListener listener)
      throws Exception {
    return fakes.executor().run(plan(options), runtime, listener);
  }

  private Plan plan(UnaryOperator<RunRequest.Builder> options) throws Exception {
    RunRequest request =
        options
            .apply(RunRequest.builder("m", dir, manifest).parallel(1).runOrder("manifest"))
            .build();
    return Planner.plan(request, Fakes.docker());
  }

  /** What the run told its listener of the fixtures started ahead of it. */
  private static final class HeadStartHeard implements RunListener {
    final List<List<String>> taken = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile String dropped;

    @Override
    public void startedAhead(List<String> segmentIds) {
      taken.add(segmentIds);
    }

    @Override
    public void headStartDropped(String why) {
      dropped = why;
    }
  }

  /** Asserts that the event {@code first} happened, and before {@code then}. */
  private void assertBefore(String first, String then) {
    int at = fakes.events.indexOf(first);
    assertTrue(at >= 0 && at < fakes.events.indexOf(then), fakes.events.toString());
  }

  private static SegmentResult segment(RunResult run, String id) {
    return run.segments().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void startsOnlyTheSelectedSegmentsFixturesDependenciesFirstAndStopsThemAfterTheTests()
      throws Exception {
    RunResult run = run(r -> r.segments("orders"));

    assertTrue(fakes.events.contains("removeOrphans"), "what killed runs left is swept");
    assertEquals(
        List.of(
            "prepare",
            "network orders",
            "jvm orders",
            "start orders/db",
            "start orders/app",
            "handoff orders",
            "closed jvm orders",
            "stop orders/app",
            "stop orders/db",
            "removeRun"),
        fakes.events.stream().filter(e -> !e.equals("removeOrphans")).toList());
    assertEquals(Outcome.PASSED, segment(run, "orders").outcome());
    assertEquals(Outcome.SKIPPED, segment(run, "cached").outcome());
    assertEquals("not selected by -Dsegment=orders", segment(run, "cached").message());
  }

  @Test
  void theResultsCarryTheAdviceOfTheHistoryWithThisRunAndANarrowedRunGivesNone() throws Exception {
    fakes.jvms.put("plain", Fakes.Jvm.skips);

    RunResult run = run(r -> r.segments("plain,cached"));

    assertEquals(List.of(new Advice.OnlySkipped("plain", 1)), run.advice());
    assertEquals(run.advice(), ResultsFiles.read(dir.resolve("target/segment-reports")).advice());

    RunResult narrowed = run(r -> r.segments("plain,cached").tests(null, "fast", null));

    assertEquals(List.of(), narrowed.advice());
  }

  @Test
  void theSweepOfEarlierRunsRunsBesideTheFirstFixturesStartNotBeforeIt() throws Exception {
    fakes.sweepWaitsFor = "start orders/db";

    RunResult run = run(r -> r.segments("orders"));

    assertEquals(Outcome.PASSED, segment(run, "orders").outcome());
    assertBefore("start orders/db", "removeOrphans");
  }

  @Test
  void aSegmentsFixturesStopBesideTheNextSegmentNotBeforeIt() throws Exception {
    fakes.teardownWaitsFor = "start cached/cache";

    RunResult run = run(r -> r.segments("orders,cached"));

    assertEquals(Outcome.PASSED, segment(run, "orders").outcome());
    assertBefore("start cached/cache", "stop orders/app");
    assertEquals(
        fakes.events.size() - 1, fakes.events.indexOf("removeRun"), "then nothing is left");
  }

  @Test
  void theTestJvmStartsBesideTheFixturesAndGetsTheirAttributesOnceTheyAreReady() throws Exception {
    run(r -> r.segments("cached"));

    assertBefore("jvm cached", "start cached/cache");
    assertBefore("start cached/cache", "handoff cached");
    TestJvmProperties handed = fakes.handedOff.get("cached");
    assertEquals("1", handed.systemProperties().get("fixtures.cache.port"));
    assertEquals("1", handed.env().get("FIXTURES_CACHE_PORT"));
    assertEquals("cached", handed.systemProperties().get("segment.id"));
  }

  @Test
  void theNextSegmentsJvmStartsAheadWhileTheTestsBeforeItRunAndThatSegmentRunsOnIt()
      throws Exception {
    // the fixtures of orders start, and so its tests run, only once the JVM of cached is there:
    // forked ahead as soon as orders took its own JVM (not once its tests began), or never
    fakes.fixturesWaitFor = "jvm cached";

    RunResult run = run(r -> r.segments("orders,cached"));

    assertEquals(Outcome.PASSED, segment(run, "orders").outcome());
    // forked once, while the segment before it ran, and before its own fixtures
    assertEquals(List.of("jvm orders", "jvm cached"), fakes.events("jvm"));
    assertBefore("jvm cached", "closed jvm orders");
    assertBefore("jvm cached", "start cached/cache");
    assertBefore("start cached/cache", "handoff cached");
    assertEquals("1", fakes.handedOff.get("cached").systemProperties().get("fixtures.cache.port"));
    assertEquals(Outcome.PASSED, segment(run, "cached").outcome());
  }

  @Test
  void aJvmStartedAheadOfASegmentThatNeverRunsIsStoppedAndItsFilesRemoved() throws Exception {
    fakes.jvms.put("orders", Fakes.Jvm.fails);
    // orders fails once the next segment's JVM has started ahead, not before (then none would)
    fakes.testsWaitFor = "jvm cached";

    RunResult run = run(r -> r.segments("orders,cached").failFast(true));

    assertEquals(Outcome.SKIPPED, segment(run, "cached").outcome());
    assertTrue(fakes.events.contains("jvm cached"), fakes.events.toString());
    assertBefore("jvm cached", "closed jvm cached");
    assertTrue(!fakes.events.contains("handoff cached"), fakes.events.toString());
    assertTrue(!Files.exists(dir.resolve("target/segment-work/cached/events.txt")));
  }

  @Test
  void noJvmStartsAheadWhenEverySegmentHasALaneOrJvmsStartAfterTheFixtures() throws Exception {
    run(r -> r.segments("orders,cached").parallel(2));
    run(r -> r.segments("orders,cached").jvmBeside(false));

    // each segment's JVM is started once per run, by the segment itself, and nothing is closed
    // that never ran
    assertEquals(4, fakes.events("jvm").size(), fakes.events.toString());
    assertEquals(2, java.util.Collections.frequency(fakes.events, "jvm orders"));
    assertEquals(2, java.util.Collections.frequency(fakes.events, "jvm cached"));
    assertEquals(1, java.util.Collections.frequency(fakes.events, "handoff orders"));
  }

  @Test
  void testJvmsGetTheOptionsOfAShortLivedJvmUnlessTurnedOff() throws Exception {
    run(r -> r.segments("cached"));
    List<String> fast = fakes.jvmArgs.get("cached");
    assertTrue(fast.contains("-XX:TieredStopAtLevel=1"), fast.toString());
    assertTrue(fast.contains("-XX:+UseSerialGC"), fast.toString());

    run(r -> r.segments("cached").fastJvm(false));
    List<String> defaults = fakes.jvmArgs.get("cached");
    assertTrue(defaults.stream().noneMatch(a -> a.startsWith("-XX:")), defaults.toString());
  }

  @Test
  void withoutJvmBesideTheTestJvmStartsAfterTheFixtures() throws Exception {
    run(r -> r.segments("cached").jvmBeside(false));

    assertBefore("start cached/cache", "jvm cached");
    assertEquals(List.of(), fakes.events("handoff"));
  }

  @Test
  void aSegmentWithoutContainersAsksNothingOfDocker() throws Exception {
    run(r -> r.segments("plain"));

    assertEquals(List.of("jvm plain", "handoff plain", "closed jvm plain"), fakes.events);
  }

  @Test
  void aRunWhoseContainersPortsCannotBeFoundStopsBeforeItStartsAnything() throws Exception {
    fakes.hostAddressProblem = "Set TESTCONTAINERS_HOST_OVERRIDE";

    EngineException e = assertThrows(EngineException.class, () -> run(r -> r.segments("orders")));

    assertEquals(
        "Set TESTCONTAINERS_HOST_OVERRIDE. Fixtures in containers: db, app", e.getMessage());
    assertEquals(List.of(), fakes.events);
  }

  @Test
  void aRunWithoutContainersDoesNotAskWhereTheirPortsAre() throws Exception {
    fakes.hostAddressProblem = "Set TESTCONTAINERS_HOST_OVERRIDE";

    run(r -> r.segments("plain"));

    assertEquals(List.of("jvm plain", "handoff plain", "closed jvm plain"), fakes.events);
  }

  @Test
  void theWorkingFilesAKilledRunLeftAreMaskedBeforeTheNextRunStarts() throws Exception {
    Path killed = Files.createDirectories(dir.resolve("target/segment-work/gone"));
    Files.writeString(killed.resolve("jvm-retry-1.args"), "\"-Drules.api-token=tok-s3cret-99\"\n");
    Files.writeString(killed.resolve("events.txt"), "TEST_FINISHED\tit.GoneIT\tx\ttok-s3cret-99\n");

    run(r -> r.segments("orders"));

    assertEquals(
        "\"-Drules.api-token=****\"\n", Files.readString(killed.resolve("jvm-retry-1.args")));
    assertEquals(
        "TEST_FINISHED\tit.GoneIT\tx\t****\n", Files.readString(killed.resolve("events.txt")));
  }

  @Test
  void everyRunStopsTheLocalProcessesDeadRunsLeftWithDockerOrWithout() throws Exception {
    run(r -> r.segments("plain"));
    run(r -> r.segments("orders"));

    assertEquals(2, fakes.orphanProcessSweeps.get());
  }

  @Test
  void segmentsRunInAsManyLanesAsThePlanSays() throws Exception {
    fakes.together = new CountDownLatch(2);

    RunResult run = run(r -> r.segments("orders,cached,plain").parallel(2));

    assertEquals(2, fakes.mostJvmsAtOnce.get());
    assertEquals(3, run.totals().tests());
  }

  @Test
  void oneLaneRunsOneSegmentAtATime() throws Exception {
    RunResult run = run(r -> r.segments("orders,cached,plain"));

    assertEquals(1, fakes.mostJvmsAtOnce.get());
    assertEquals(List.of("jvm orders", "jvm cached", "jvm plain"), fakes.events("jvm"));
    assertEquals(3, run.totals().tests());
  }

  @Test
  void aFixtureThatFailsToStartIsTheSegmentsFixtureErrorNoTestRunsAndItsOthersStop()
      throws Exception {
    fakes.failingFixtures.add("orders/app");

    RunResult run = run(r -> r.segments("orders,cached"));

    SegmentResult orders = segment(run, "orders");
    assertEquals(Outcome.FIXTURE_ERROR, orders.outcome());
    assertEquals(
        "segment 'orders': fixture 'app' did not start: the fake says no", orders.message());
    assertEquals(List.of("handoff cached"), fakes.events("handoff"), "no test of orders ran");
    assertTrue(fakes.events.contains("closed jvm orders"), "its JVM stopped: " + fakes.events);
    assertTrue(fakes.events.contains("stop orders/db"), fakes.events.toString());
    assertTrue(fakes.events.contains("stop orders/app"), fakes.events.toString());
    assertEquals(Outcome.PASSED, segment(run, "cached").outcome(), "the next segment still runs");
  }

  @Test
  void aSeedThatCannotReachItsDatabaseIsAFixtureErrorNamingTheSeed() throws Exception {
    fakes.attributes.put(
        "orders-db",
        Map.of(
            "host", "127.0.0.1",
            "port", "1",
            "database", "orders",
            "username", "u",
            "password", "p",
            "jdbc-url", "jdbc:postgresql://127.0.0.1:1/orders?connectTimeout=2"));

    RunResult run = run(r -> r.segments("seeded"));

    SegmentResult seeded = segment(run, "seeded");
    assertEquals(Outcome.FIXTURE_ERROR, seeded.outcome());
    assertTrue(seeded.message().startsWith("segment 'seeded': seed "), seeded.message());
    assertEquals(List.of(), fakes.events("handoff"), "no test runs once the data failed");
    assertTrue(fakes.events.contains("closed jvm seeded"), fakes.events.toString());
    assertTrue(fakes.events.contains("stop seeded/orders-db"), fakes.events.toString());
  }

  @Test
  void aTestJvmThatDiesIsTheSegmentsErrorWithTheTestItWasRunning() throws Exception {
    fakes.jvms.put("orders", Fakes.Jvm.crashes);

    RunResult run = run(r -> r.segments("orders"));

    SegmentResult orders = segment(run, "orders");
    assertEquals(Outcome.ERROR, orders.outcome());
    assertTrue(
        orders.message().startsWith("segment 'orders': the test JVM exited with code 137"),
        orders.message());
    assertEquals("it.ordersIT", orders.tests().get(0).className());
    assertTrue(fakes.events.contains("stop orders/db"), fakes.events.toString());
    assertTrue(fakes.events.contains("removeRun"));
  }

  @Test
  void aTestJvmPastTheTimeoutIsTimedOutAndTheFixturesStop() throws Exception {
    fakes.jvms.put("cached", Fakes.Jvm.hangs);

    RunResult run = run(r -> r.segments("cached"));

    SegmentResult cached = segment(run, "cached");
    assertEquals(Outcome.TIMED_OUT, cached.outcome());
    assertTrue(
        cached.message().startsWith("segment 'cached' ran past its timeout of 600 s while running"),
        cached.message());
    assertTrue(fakes.events.contains("stop cached/cache"), fakes.events.toString());
  }

  @Test
  void aFailingTestFailsItsSegmentAndFailFastStartsNoOther() throws Exception {
    fakes.jvms.put("orders", Fakes.Jvm.fails);
    List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    RunListener listener =
        new RunListener() {
          @Override
          public void testFailed(String segmentId, TestResult test, boolean retried) {
            heard.add("failed " + segmentId + " " + test.name() + ": " + test.message());
          }

          @Override
          public void segmentFinished(SegmentResult result) {
            heard.add("finished " + result.id());
          }
        };

    RunResult run = run(r -> r.segments("orders,cached").failFast(true), listener);

    assertEquals(
        List.of("failed orders works: expected 1 but was 2", "finished orders"),
        heard.subList(0, 2),
        "the failure is told as the JVM tells it, before the segment's verdict");
    assertEquals(Outcome.FAILED, segment(run, "orders").outcome());
    assertEquals(Outcome.SKIPPED, segment(run, "cached").outcome());
    assertEquals(
        "not started: an earlier segment failed and segment.failFast is set",
        segment(run, "cached").message());
    assertTrue(!fakes.events.contains("start cached/cache"), fakes.events.toString());
  }

  @Test
  void aStubThatBreaksTheContractIsAContractMismatchBeforeAnyTestRuns() throws Exception {
    RunResult run = run(r -> r.segments("priced"));

    SegmentResult priced = segment(run, "priced");
    assertEquals(Outcome.CONTRACT_MISMATCH, priced.outcome());
    assertTrue(priced.message().contains("drifted.json"), priced.message());
    assertEquals(List.of(), fakes.events("handoff"), "no test runs");
    assertTrue(fakes.events.contains("closed jvm priced"), fakes.events.toString());
    assertTrue(fakes.events.contains("stop priced/prices"), fakes.events.toString());
  }

  @Test
  void aJvmStillExitingWhenItsResultIsFinalIsClosedOnceBeforeItsFixturesStop() throws Exception {
    fakes.jvmsExitSlowly = true;

    RunResult run = run(r -> r.segments("orders"));

    assertEquals(Outcome.PASSED, segment(run, "orders").outcome());
    assertEquals(
        1,
        java.util.Collections.frequency(fakes.events, "closed jvm orders"),
        fakes.events.toString());
    // not at the run's end, after the fixtures: the teardown waits for the exit first
    assertBefore("closed jvm orders", "stop orders/app");
  }

  @Test
  void aSegmentWithNoFixturesIsNotSaidToHaveFixturesStartedAhead() throws Exception {
    Executor executor = fakes.executor();
    executor.headStart(
        dir, () -> plan(r -> r.segments("plain,orders").parallel(2)), Optional.empty());
    fakes.awaitEvent("start orders/app");
    HeadStartHeard heard = new HeadStartHeard();

    RunResult run = executor.run(plan(r -> r.segments("plain,orders").parallel(2)), runtime, heard);

    assertEquals(Outcome.PASSED, segment(run, "orders").outcome());
    assertEquals(Outcome.PASSED, segment(run, "plain").outcome());
    // both were begun ahead, but only orders had fixtures to start
    assertEquals(List.of(List.of("orders")), heard.taken);
  }

  @Test
  void aRunBegunAheadStartsItsFirstSegmentsFixturesBeforeTheGoalWhichTakesThemOver()
      throws Exception {
    Executor executor = fakes.executor();
    executor.headStart(dir, () -> plan(r -> r.segments("orders")), Optional.empty());
    // the fixtures start with no run goal yet: nothing waits for them but this test
    fakes.awaitEvent("start orders/app");
    assertEquals(List.of(), fakes.events("jvm"), "the test JVM is the run goal's to start");
    HeadStartHeard heard = new HeadStartHeard();

    RunResult run = executor.run(plan(r -> r.segments("orders")), runtime, heard);

    assertEquals(Outcome.PASSED, segment(run, "orders").outcome());
    assertEquals(List.of(List.of("orders")), heard.taken);
    assertEquals(List.of("start orders/db", "start orders/app"), fakes.events("start"));
    assertEquals(List.of("network orders"), fakes.events("network"));
    assertEquals(1, fakes.events.stream().filter("prepare"::equals).count(), "one run, one lease");
    assertBefore("start orders/app", "handoff orders");
    assertEquals(
        fakes.events.size() - 1, fakes.events.indexOf("removeRun"), "then nothing is left");
  }

  @Test
  void aRunBegunAheadWithTheTestClasspathStartsTheTestJvmThatDiscoversOnlyOnceTheGoalComes()
      throws Exception {
    Executor executor = fakes.executor();
    executor.headStart(dir, () -> plan(r -> r.segments("orders")), Optional.of(runtime));
    fakes.awaitEvent("jvm orders");
    fakes.awaitEvent("start orders/app");
    assertTrue(fakes.launcherArgs.get("orders").contains("--await-discover"));
    assertEquals(List.of(), fakes.events("discover"), "it waits: the tests are not compiled yet");

    RunResult run = executor.run(plan(r -> r.segments("orders")), runtime, new HeadStartHeard());

    assertEquals(Outcome.PASSED, segment(run, "orders").outcome());
    assertEquals(List.of("jvm orders"), fakes.events("jvm"), "the JVM started ahead ran the tests");
    assertEquals(List.of("discover orders"), fakes.events("discover"));
    assertBefore("discover orders", "handoff orders");
  }

  @Test
  void theTestsCompiledTellTheJvmStartedAheadToDiscoverBeforeTheRunPlans() throws Exception {
    Executor executor = fakes.executor();
    executor.headStart(dir, () -> plan(r -> r.segments("orders")), Optional.of(runtime));
    executor.testsCompiled(dir, runtime);
    // before the run goal plans: the JVM discovers while it does
    fakes.awaitEvent("discover orders");

    RunResult run = executor.run(plan(r -> r.segments("orders")), runtime, new HeadStartHeard());

    assertEquals(Outcome.PASSED, segment(run, "orders").outcome());
    assertEquals(List.of("jvm orders"), fakes.events("jvm"));
    assertBefore("discover orders", "handoff orders");
  }

  /**
   * The run's runtime with another test classpath, as a plugin between warm-up and run makes it.
   */
  private TestRuntime withAnotherClasspath() {
    return new TestRuntime(
        runtime.java(),
        runtime.testClassesDir(),
        List.of(dir.resolve("target/generated-test-jar.jar")),
        runtime.launcherClasspath());
  }

  @Test
  void aJvmStartedAheadWithAnotherTestClasspathIsStoppedAndTheLaneStartsItsOwn() throws Exception {
    Executor executor = fakes.executor();
    executor.headStart(dir, () -> plan(r -> r.segments("orders")), Optional.of(runtime));
    fakes.awaitEvent("jvm orders");
    TestRuntime changed = withAnotherClasspath();

    RunResult run = executor.run(plan(r -> r.segments("orders")), changed, new HeadStartHeard());

    assertEquals(Outcome.PASSED, segment(run, "orders").outcome());
    assertEquals(List.of("jvm orders", "jvm orders"), fakes.events("jvm"));
    assertBefore("closed jvm orders", "handoff orders");
    assertEquals(List.of(), fakes.events("discover"), "the one started ahead never discovered");
  }

  @Test
  void testsCompiledWithAnotherClasspathStopTheJvmStartedAheadBeforeItDiscovers() throws Exception {
    Executor executor = fakes.executor();
    executor.headStart(dir, () -> plan(r -> r.segments("orders")), Optional.of(runtime));
    fakes.awaitEvent("jvm orders");
    TestRuntime changed = withAnotherClasspath();

    executor.testsCompiled(dir, changed);
    fakes.awaitEvent("closed jvm orders");
    RunResult run = executor.run(plan(r -> r.segments("orders")), changed, new HeadStartHeard());

    assertEquals(Outcome.PASSED, segment(run, "orders").outcome());
    assertEquals(List.of(), fakes.events("discover"));
    assertEquals(List.of("jvm orders", "jvm orders"), fakes.events("jvm"));
  }

  @Test
  void aRunBegunAheadWhoseGoalNeverComesStopsItsTestJvmUntold() throws Exception {
    Executor executor = fakes.executor();
    executor.headStart(dir, () -> plan(r -> r.segments("orders")), Optional.of(runtime));
    fakes.awaitEvent("jvm orders");

    executor.dropHeadStart(dir);

    assertTrue(fakes.events.contains("closed jvm orders"), fakes.events.toString());
    assertEquals(List.of(), fakes.events("discover"));
  }

  @Test
  void aRunBegunAheadLeavesTheEarlierRunsResultsUntilItsGoalTakesItOver() throws Exception {
    Path reports = plan(r -> r.segments("orders")).request().reportsDir();
    ResultsFiles.clear(reports);
    Files.writeString(reports.resolve(ResultsFiles.RESULTS_FILE), "{}");
    Files.writeString(reports.resolve("TEST-orders.ordersIT.xml"), "<testsuite/>");
    Files.createDirectories(reports.resolve("logs/orders"));
    Files.writeString(reports.resolve("logs/orders/app.log"), "the run before");
    Executor executor = fakes.executor();

    // the start writes its own logs where the run before had its; then the compile fails: the
    // run goal never comes, and the earlier run's results and logs are as they were
    executor.headStart(dir, () -> plan(r -> r.segments("orders")), Optional.empty());
    fakes.awaitEvent("start orders/app");
    assertFalse(Files.exists(reports.resolve("logs/orders/app.log")), "set aside");
    Files.createDirectories(reports.resolve("logs/orders"));
    Files.writeString(reports.resolve("logs/orders/app.log"), "a start whose run never came");
    executor.dropHeadStart(dir);

    assertEquals("{}", Files.readString(reports.resolve(ResultsFiles.RESULTS_FILE)));
    assertTrue(Files.isRegularFile(reports.resolve("TEST-orders.ordersIT.xml")));
    assertEquals("the run before", Files.readString(reports.resolve("logs/orders/app.log")));

    fakes.events.clear();
    executor.headStart(dir, () -> plan(r -> r.segments("orders")), Optional.empty());
    fakes.awaitEvent("start orders/app");
    Files.createDirectories(reports.resolve("logs/orders"));
    Files.writeString(reports.resolve("logs/orders/app.log"), "this run's, started ahead");
    executor.run(plan(r -> r.segments("orders")), runtime, new HeadStartHeard());

    assertFalse(Files.exists(reports.resolve("logs/.earlier")));
    assertEquals(
        "this run's, started ahead", Files.readString(reports.resolve("logs/orders/app.log")));
    assertTrue(Files.readString(reports.resolve(ResultsFiles.RESULTS_FILE)).contains("\"orders\""));
  }

  @Test
  void aRunWhosePlanDiffersFromTheOneBegunAheadStopsThatStartAndStartsAfresh() throws Exception {
    Executor executor = fakes.executor();
    executor.headStart(dir, () -> plan(r -> r.segments("orders")), Optional.empty());
    fakes.awaitEvent("start orders/app");
    HeadStartHeard heard = new HeadStartHeard();

    RunResult run = executor.run(plan(r -> r.segments("cached")), runtime, heard);

    assertTrue(
        heard.dropped != null
            && heard.dropped.equals(
                "-Dsegment was orders when Maven began and is cached after the compile"),
        "the run says it dropped the start, and why: " + heard.dropped);
    assertEquals(List.of(), heard.taken);
    assertEquals(Outcome.PASSED, segment(run, "cached").outcome());
    assertEquals(Outcome.SKIPPED, segment(run, "orders").outcome());
    assertBefore("stop orders/db", "start cached/cache");
    assertBefore("removeRun", "start cached/cache");
    assertEquals(List.of("handoff cached"), fakes.events("handoff"));
  }

  @Test
  void aHeadStartWhosePlanFailsLeavesTheRunToStartEverything() throws Exception {
    Executor executor = fakes.executor();
    executor.headStart(
        dir,
        () -> {
          throw new io.segmented.engine.InputException("-Dsegment.shard=0/2 is not a shard");
        },
        Optional.of(runtime));
    HeadStartHeard heard = new HeadStartHeard();

    RunResult run = executor.run(plan(r -> r.segments("cached")), runtime, heard);

    assertEquals(Outcome.PASSED, segment(run, "cached").outcome());
    assertEquals(List.of(), heard.taken);
    assertEquals(null, heard.dropped);
    assertEquals(List.of("start cached/cache"), fakes.events("start"));
  }
}
