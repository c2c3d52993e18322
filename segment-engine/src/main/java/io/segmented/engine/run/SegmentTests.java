package io.segmented.engine.run;

import io.segmented.engine.RunListener;
import io.segmented.engine.RunRequest;
import io.segmented.engine.TestRuntime;
import io.segmented.engine.fixture.LogTail;
import io.segmented.engine.fork.ClassData;
import io.segmented.engine.fork.ClassGlobs;
import io.segmented.engine.fork.FastStart;
import io.segmented.engine.fork.JvmLauncher;
import io.segmented.engine.fork.TestEvents;
import io.segmented.engine.fork.TestJvm;
import io.segmented.engine.plan.Plan;
import io.segmented.launcher.SecretMask;
import io.segmented.launcher.SegmentLauncher;
import io.segmented.manifest.DataScope;
import io.segmented.manifest.SegmentSpec;
import io.segmented.manifest.TestSelectors;
import io.segmented.results.Outcome;
import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tests of one segment in forked test JVMs: a first attempt with the segment's selectors, then
 * up to {@code retries} attempts of only the tests that failed; a JVM that runs past the segment's
 * timeout or dies ends them with the test that was running.
 */
final class SegmentTests {

  private final RunRequest request;
  private final Plan plan;
  private final TestRuntime runtime;
  private final SegmentSpec segment;
  private final Cleanup cleanup;
  private final JvmLauncher jvms;
  private final SecretMask mask;
  private final ClassData classData;
  private final RunListener listener;
  private final Map<String, Long> classMillis = new LinkedHashMap<>();
  private final List<JvmLauncher.Forked> exiting = new ArrayList<>();

  /**
   * @param jvms starts the test JVMs
   * @param mask the run's secrets: kept out of the test JVMs' argument files, masked in their
   *     output, events and thread dumps as they are written
   * @param classData the class-data archives the JVMs map, or list their classes for
   * @param listener hears each test of the first attempt that fails, as it fails
   */
  SegmentTests(
      Plan plan,
      TestRuntime runtime,
      SegmentSpec segment,
      Cleanup cleanup,
      JvmLauncher jvms,
      SecretMask mask,
      ClassData classData,
      RunListener listener) {
    this.jvms = jvms;
    this.listener = listener;
    this.mask = mask;
    this.classData = classData;
    this.request = plan.request();
    this.plan = plan;
    this.runtime = runtime;
    this.segment = segment;
    this.cleanup = cleanup;
  }

  /**
   * How the tests of a segment ended.
   *
   * @param selectedNone whether the selectors matched no test, which fails the segment unless
   *     something else gave it tests (a provider's contract examples)
   */
  record TestsOutcome(
      Outcome outcome, String message, List<TestResult> tests, boolean selectedNone) {

    TestsOutcome(Outcome outcome, String message, List<TestResult> tests) {
      this(outcome, message, tests, false);
    }
  }

  /**
   * Runs the tests, then retries the failed ones as often as the segment allows. {@code beside} is
   * the first JVM when it was started beside the fixtures ({@link #startBeside}), which is handed
   * {@code props}, the restore port and its token; without it the first JVM starts now, with the
   * token in its environment.
   */
  TestsOutcome run(
      TestJvmProperties props,
      Duration left,
      Optional<Started> beside,
      int restorePort,
      String restoreToken)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Math.max(0, left.toNanos());
    Attempt first;
    if (beside.isPresent()) {
      if (beside.get().awaitsDiscover()) {
        // started while Maven compiled: told now, if the run's start did not tell it before
        beside.get().jvm().discover();
      }
      beside.get().jvm().handOff(props.systemProperties(), props.env(), restorePort, restoreToken);
      first = finish(beside.get(), deadline);
    } else {
      List<String> args = new ArrayList<>(launcherArgs());
      TestJvmProperties firstProps = props;
      if (restorePort > 0) {
        add(args, "--restore-port", String.valueOf(restorePort));
        restoreBoundaries().forEach(b -> add(args, "--restore-at", b));
        Map<String, String> env = new HashMap<>(props.env());
        env.put(SegmentLauncher.RESTORE_TOKEN_ENV, restoreToken);
        firstProps = new TestJvmProperties(props.systemProperties(), Map.copyOf(env));
      }
      first = launch(firstProps, args, 0, deadline);
    }
    List<TestResult> tests = new ArrayList<>(first.events().tests());
    Optional<TestsOutcome> broken = broken(first, tests);
    if (broken.isPresent()) {
      return broken.get();
    }
    if (first.events().discovered() == 0
        && tests.isEmpty()
        && first.events().discoveredBeforeBuildFilters() > 0) {
      return new TestsOutcome(
          Outcome.SKIPPED,
          "no test of segment '" + segment.id() + "' matches " + plan.testFilter().describe(),
          tests,
          true);
    }
    if (first.events().discovered() == 0 && tests.isEmpty()) {
      return new TestsOutcome(
          Outcome.FAILED,
          "segment '"
              + segment.id()
              + "' selected no test: "
              + segment.boundary().tests().describe()
              + " matched no test in "
              + runtime.testClassesDir()
              + ". Check the selectors under boundary.tests in segments.yaml",
          tests,
          true);
    }
    Map<String, String> uniqueIds = new HashMap<>(first.events().uniqueIds());
    for (int retry = 1; retry <= segment.retries(); retry++) {
      List<String> again = Retries.toRetry(tests, uniqueIds);
      if (again.isEmpty()) {
        break;
      }
      // the attempt before has exited, its shutdown hooks run: a retry never shares a port or a
      // database with it
      closeExiting();
      List<String> args = new ArrayList<>(launcherArgs().subList(0, 2));
      again.forEach(id -> add(args, "--select-unique-id", id));
      Attempt attempt = launch(props, args, retry, deadline);
      tests = Retries.merge(tests, attempt.events().tests());
      uniqueIds.putAll(attempt.events().uniqueIds());
      broken = broken(attempt, tests);
      if (broken.isPresent()) {
        return broken.get();
      }
    }
    Outcome outcome =
        tests.stream().anyMatch(t -> t.outcome().failed())
            ? Outcome.FAILED
            : tests.stream().anyMatch(t -> t.outcome() == TestOutcome.FLAKY)
                ? Outcome.FLAKY
                : Outcome.PASSED;
    return new TestsOutcome(outcome, "", tests);
  }

  /**
   * One run of the test JVM: the first ({@code attempt} 0) runs the segment's tests, each retry the
   * tests that failed; each has its own events file, output and thread dump.
   */
  private record Attempt(
      int number, TestJvm.Exit exit, TestEvents events, Path output, Path threadDump) {}

  private Attempt launch(TestJvmProperties props, List<String> args, int attempt, long deadline)
      throws IOException, InterruptedException {
    return finish(start(props, args, List.of(), attempt, false), deadline);
  }

  /**
   * A test JVM started, its tests not yet awaited.
   *
   * @param awaitsDiscover whether it was started while Maven compiled ({@link #startAhead}), and
   *     discovers its tests only once told ({@link JvmLauncher.Forked#discover})
   */
  record Started(
      int attempt,
      JvmLauncher.Forked jvm,
      Path events,
      Path output,
      Path threadDump,
      ClassData.Launch launch,
      boolean awaitsDiscover) {

    /**
     * Stops a JVM whose segment will not take it, out of {@code cleanup}, and removes its files:
     * its segment did not run, or gets a JVM of its own.
     */
    void discard(Cleanup cleanup) {
      jvm.close();
      cleanup.remove(jvm);
      deleteQuietly(events);
      deleteQuietly(output);
    }

    private static void deleteQuietly(Path file) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // the next run clears the directory
      }
    }
  }

  /**
   * Starts a test JVM that awaits its handoff: later, from {@link #run}, when {@code beside} its
   * fixtures; at once otherwise, with the properties its argument file leaves out (those that hold
   * secrets) and the secrets to mask in its events.
   */
  private Started start(
      TestJvmProperties props,
      List<String> args,
      List<String> extraJvmArgs,
      int attempt,
      boolean beside)
      throws IOException {
    String suffix = attempt == 0 ? "" : "-retry-" + attempt;
    Path work = request.workDir().resolve(segment.id());
    Files.createDirectories(work);
    Path events = work.resolve("events" + suffix + ".txt");
    Files.deleteIfExists(events);
    Path logs = request.reportsDir().resolve("logs").resolve(segment.id());
    Path output = logs.resolve("test-jvm" + suffix + ".log");
    Path threadDump = logs.resolve("thread-dump" + suffix + ".txt");
    Files.createDirectories(logs);
    List<Path> classpath = new ArrayList<>(runtime.testClasspath());
    classpath.addAll(runtime.launcherClasspath());
    List<String> withEvents =
        new ArrayList<>(List.of("--events", events.toString(), "--await-handoff", "true"));
    withEvents.addAll(args);
    List<String> jvmArgs = new ArrayList<>(extraJvmArgs);
    if (request.fastJvm()) {
      // the JVM inherits Maven's environment, then the segment's
      jvmArgs.addAll(
          FastStart.added(
              segment.jvmArgs(), name -> props.env().getOrDefault(name, System.getenv(name))));
    }
    jvmArgs.addAll(segment.jvmArgs());
    // the first attempt of all the segment's tests lists the classes it loads when no archive
    // holds them yet
    ClassData.Launch launch =
        classData.launch(
            segment.id(),
            runtime.java(),
            classpath,
            jvmArgs,
            name -> props.env().getOrDefault(name, System.getenv(name)),
            attempt == 0 && !plan.testFilter().picksSome() ? work.resolve("classes.lst") : null);
    List<String> allJvmArgs = new ArrayList<>(launch.jvmArgs());
    allJvmArgs.addAll(jvmArgs);
    TestJvm.Spec spec =
        new TestJvm.Spec(
            runtime.java(),
            launch.classpath(),
            allJvmArgs,
            props.systemProperties(),
            props.env(),
            SegmentLauncher.class.getName(),
            withEvents,
            request.moduleDir(),
            work.resolve("jvm" + suffix + ".args"),
            output,
            mask,
            beside,
            // a retry's failures are the segment's verdict to tell (flaky, or failed again)
            attempt == 0
                ? failed -> listener.testFailed(segment.id(), failed, segment.retries() > 0)
                : failed -> {});
    JvmLauncher.Forked jvm = jvms.start(spec);
    cleanup.add(jvm);
    return new Started(
        attempt, jvm, events, output, threadDump, launch, args.contains(AWAIT_DISCOVER));
  }

  private Attempt finish(Started started, long deadline) throws IOException, InterruptedException {
    Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    TestJvm.Exit exit = null;
    JvmLauncher.Forked jvm = started.jvm();
    try {
      // a JVM that lists its classes has the list complete only once it exited
      exit =
          started.launch().listsClasses()
              ? jvm.await(left, started.threadDump())
              : jvm.awaitEnd(left, started.threadDump());
    } finally {
      if (exit != null && exit.exiting()) {
        // its results are in: it exits beside the next steps, and the teardown waits for that
        synchronized (exiting) {
          exiting.add(jvm);
        }
      } else {
        stop(jvm);
      }
    }
    TestEvents events = TestEvents.read(started.events());
    events.classMillis().forEach((name, millis) -> classMillis.merge(name, millis, Long::sum));
    if (!exit.timedOut() && events.finished()) {
      started.launch().ran();
    }
    return new Attempt(started.attempt(), exit, events, started.output(), started.threadDump());
  }

  /**
   * Waits for the JVMs that told the end of their runs to exit (killing one that takes longer than
   * its grace), so that nothing of the segment runs on when its fixtures stop.
   */
  void closeExiting() {
    List<JvmLauncher.Forked> jvms;
    synchronized (exiting) {
      jvms = new ArrayList<>(exiting);
      exiting.clear();
    }
    jvms.forEach(this::stop);
  }

  /** Closes {@code jvm} (for one still exiting: once it exited) and lets the run forget it. */
  private void stop(JvmLauncher.Forked jvm) {
    try {
      jvm.close();
    } finally {
      cleanup.remove(jvm);
    }
    List<String> leftovers = jvm.leftovers().stream().map(mask).toList();
    if (!leftovers.isEmpty()) {
      listener.testJvmLeftovers(segment.id(), leftovers);
    }
  }

  /**
   * The wall time of each top-level test class its JVMs ran, set-up and tear-down included, summed
   * over the attempts so far.
   */
  Map<String, Long> classMillis() {
    return new LinkedHashMap<>(classMillis);
  }

  /**
   * Starts the first test JVM now, beside the fixtures: it discovers and loads the tests while they
   * start, and runs them once {@link #run} hands it their attributes. {@code props} are those known
   * before any fixture is ready (the segment's own properties and env).
   */
  Started startBeside(TestJvmProperties props) throws IOException {
    return startBeside(props, List.of());
  }

  /** The launcher's option that makes it wait for the word to discover. */
  private static final String AWAIT_DISCOVER = "--await-discover";

  /**
   * Starts the first test JVM while Maven still compiles, beside the fixtures started ahead of the
   * run ({@code segment:warm-up}): it boots and waits, reading neither the test classes nor the
   * test resources, until it is told that they are compiled ({@link JvmLauncher.Forked#discover});
   * then it goes on as one {@link #startBeside started beside} its fixtures.
   */
  Started startAhead(TestJvmProperties props) throws IOException {
    return startBeside(props, List.of(AWAIT_DISCOVER, "true"));
  }

  private Started startBeside(TestJvmProperties props, List<String> await) throws IOException {
    List<String> args = new ArrayList<>(await);
    args.addAll(launcherArgs());
    restoreBoundaries().forEach(b -> add(args, "--restore-at", b));
    // the fixtures' environment variables are set in the running JVM (see FixtureHandoff)
    return start(props, args, List.of("--add-opens", "java.base/java.util=ALL-UNNAMED"), 0, true);
  }

  /** The boundaries the segment's data is restored at: {@code class}, {@code test}. */
  private List<String> restoreBoundaries() {
    return segment.data().values().stream()
        .map(DataScope::scope)
        .filter(scope -> scope != DataScope.Scope.SEGMENT)
        .map(scope -> scope.name().toLowerCase(java.util.Locale.ROOT))
        .distinct()
        .toList();
  }

  /** A JVM that ran past the timeout or died: the outcome that says so, with the tests so far. */
  private Optional<TestsOutcome> broken(Attempt attempt, List<TestResult> testsSoFar) {
    TestEvents ran = attempt.events();
    String during = attempt.number() == 0 ? "" : " (retry " + attempt.number() + ")";
    List<TestResult> tests = new ArrayList<>(testsSoFar);
    if (attempt.exit().timedOut()) {
      ran.running()
          .ifPresent(
              t ->
                  tests.add(
                      errored(
                          t,
                          "the segment's timeout of "
                              + segment.timeout().toSeconds()
                              + " s passed while this test ran")));
      return Optional.of(
          new TestsOutcome(
              Outcome.TIMED_OUT,
              "segment '"
                  + segment.id()
                  + "' ran past its timeout of "
                  + segment.timeout().toSeconds()
                  + " s"
                  + ran.running().map(t -> " while running " + t).orElse("")
                  + during
                  + (Files.exists(attempt.threadDump())
                      ? "; the test JVM's threads at that moment: " + attempt.threadDump()
                      : "")
                  + ". The JVM was killed and the fixtures stopped. Raise 'timeout' in segments.yaml if"
                  + " the tests need longer",
              tests));
    }
    // interrupted: set as the hook begins, before it closes anything (a terminal's Ctrl-C ends the
    // test JVM by itself at the same moment)
    if (!ran.finished() && (cleanup.closed() || cleanup.stoppedBySignal())) {
      return Optional.of(
          new TestsOutcome(
              Outcome.ERROR,
              "segment '"
                  + segment.id()
                  + "': stopped because the build was interrupted"
                  + ran.running().map(t -> ", while running " + t).orElse(""),
              tests));
    }
    if (!ran.finished()) {
      ran.running()
          .ifPresent(
              t ->
                  tests.add(
                      errored(
                          t,
                          "the test JVM exited with code "
                              + attempt.exit().code()
                              + " while this test ran")));
      return Optional.of(
          new TestsOutcome(
              Outcome.ERROR,
              "segment '"
                  + segment.id()
                  + "': the test JVM"
                  + during
                  + " exited with code "
                  + attempt.exit().code()
                  + ran.running()
                      .map(t -> " while running " + t)
                      .orElse(" before its tests finished")
                  + LogTail.describe(attempt.output(), "test JVM"),
              tests));
    }
    return Optional.empty();
  }

  /** The test that was running, {@code class.method}, as an errored test with {@code message}. */
  private static TestResult errored(String running, String message) {
    int dot = running.lastIndexOf('.');
    return new TestResult(
        running.substring(0, dot),
        running.substring(dot + 1),
        TestOutcome.ERROR,
        0,
        message,
        "",
        "");
  }

  /** The launcher's selection of the segment's tests; its first 2 arguments name the classes. */
  private List<String> launcherArgs() {
    TestSelectors selectors = segment.boundary().tests();
    List<String> args = new ArrayList<>();
    args.add("--classes-dir");
    args.add(runtime.testClassesDir().toString());
    selectors.classes().forEach(g -> add(args, "--include-class", ClassGlobs.toRegex(g)));
    selectors.excludeClasses().forEach(g -> add(args, "--exclude-class", ClassGlobs.toRegex(g)));
    selectors.packages().forEach(p -> add(args, "--include-package", p));
    selectors.tags().forEach(t -> add(args, "--include-tag", t));
    selectors.excludeTags().forEach(t -> add(args, "--exclude-tag", t));
    args.addAll(plan.testFilter().launcherArgs());
    return args;
  }

  private static void add(List<String> args, String option, String value) {
    args.add(option);
    args.add(value);
  }
}
