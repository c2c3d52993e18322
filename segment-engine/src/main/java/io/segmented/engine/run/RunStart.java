package io.segmented.engine.run;

import io.segmented.engine.RunRequest;
import io.segmented.engine.TestRuntime;
import io.segmented.engine.fixture.FixtureGraph;
import io.segmented.engine.fixture.Kinds;
import io.segmented.engine.fixture.SharedFixtures;
import io.segmented.engine.fork.ClassData;
import io.segmented.engine.plan.Plan;
import io.segmented.manifest.DataScope;
import io.segmented.manifest.FixtureSpec;
import io.segmented.manifest.SegmentSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a run sets up before its first segment: its id and lease on the Docker engine, the sweep of
 * what killed runs left behind, its cleanup, the fixtures it shares and keeps, its class data. A
 * run started ahead of its goal ({@link HeadStarts}) also holds its first segments' fixtures,
 * already starting, and its events until the goal takes it over.
 */
final class RunStart implements AutoCloseable {

  private final Plan plan;
  private final String runId;
  private final SerializedListener events;
  private final CompletableFuture<Void> sweep;
  private final Secrets secrets;
  private final Cleanup cleanup;
  private final FixtureSources fixtures;
  private final ClassData classData;
  private final Set<String> logFolders;
  private final AtomicBoolean taken;
  private final Map<String, SegmentOpening> opened = new ConcurrentHashMap<>();
  private final Runnable removeLate;
  private final JvmsStartedAhead jvms;

  RunStart(
      Plan plan,
      String runId,
      SerializedListener events,
      CompletableFuture<Void> sweep,
      Secrets secrets,
      Cleanup cleanup,
      FixtureSources fixtures,
      ClassData classData,
      Set<String> logFolders,
      AtomicBoolean taken,
      Runnable removeLate) {
    this.plan = plan;
    this.runId = runId;
    this.events = events;
    this.sweep = sweep;
    this.secrets = secrets;
    this.cleanup = cleanup;
    this.fixtures = fixtures;
    this.classData = classData;
    this.logFolders = logFolders;
    this.taken = taken;
    this.removeLate = removeLate;
    this.jvms = new JvmsStartedAhead(plan, cleanup, classData, secrets, events);
  }

  /**
   * The folders of {@code logs/} a start of {@code plan} may write before its run takes it over:
   * those of the segments it starts first, as many as run at once, and the shared fixtures' one.
   */
  static Set<String> logFolders(Plan plan) {
    Set<String> folders = new LinkedHashSet<>();
    folders.add(SharedFixtures.LOG_FOLDER);
    first(plan).forEach(p -> folders.add(p.segment().id()));
    return Set.copyOf(folders);
  }

  /** The plan's first segments, as many as run at once: those a start may open ahead. */
  private static List<Plan.SegmentPlan> first(Plan plan) {
    List<Plan.SegmentPlan> order = plan.inStartOrder();
    return order.subList(0, Math.min(plan.parallel(), order.size()));
  }

  /** The run took this start over: closing it no longer gives the earlier run's logs back. */
  void takenOver() {
    taken.set(true);
  }

  /** What {@link #logFolders(Plan)} gave for this start's plan. */
  Set<String> logFolders() {
    return logFolders;
  }

  /**
   * Starts the fixtures of the plan's first segments, as many as run at once, each on a thread of
   * its own, where they can start before the compile ends ({@link #canStartAhead}); stops at the
   * first that cannot (its lane starts it, and says what is wrong). With {@code runtime} (the test
   * classpath is known) each of those segments' test JVM starts too, and waits until {@link
   * #testsWith} says the tests are compiled.
   */
  void openAhead(Ports ports, Optional<TestRuntime> runtime) {
    for (Plan.SegmentPlan p : first(plan)) {
      SegmentSpec segment = p.segment();
      if (!canStartAhead(plan, p)) {
        return;
      }
      SegmentOpening opening;
      try {
        opening =
            SegmentOpening.open(
                plan.request(),
                segment,
                plan.providers(),
                fixtures,
                ports,
                runId,
                secrets,
                cleanup);
      } catch (RuntimeException | LinkageError e) {
        return;
      }
      opening.startAhead(events);
      opened.put(segment.id(), opening);
      runtime.ifPresent(r -> jvms.start(segment, r, ports));
    }
  }

  /**
   * The run that took this start over runs its tests with {@code runs}: the test JVMs started ahead
   * discover them now, or are stopped ({@link JvmsStartedAhead#testsWith}).
   */
  void testsWith(TestRuntime runs) {
    jvms.testsWith(runs);
  }

  /** Whether the JVM of {@code segmentId} was started ahead, and is still to be taken. */
  boolean jvmAhead(String segmentId) {
    return jvms.has(segmentId);
  }

  /**
   * Whether a segment's fixtures can start while Maven still builds: none of them is a process
   * (which runs what the build makes), and none of them nor its seeds reads a file in a build
   * directory ({@code target/...}, also of another module), which the build may not have written
   * yet. A server the run shares starts with the templates of every segment that seeds on it (its
   * snapshot is keyed by their seeds' content), so their seeds count too.
   */
  static boolean canStartAhead(Plan plan, Plan.SegmentPlan segment) {
    RunRequest request = plan.request();
    Path base = request.moduleDir().toAbsolutePath().normalize();
    Path buildDir = request.workDir().toAbsolutePath().normalize().getParent();
    List<Path> read = new ArrayList<>();
    for (DataScope data : segment.segment().data().values()) {
      read.addAll(data.seed());
    }
    Map<String, Map<String, DataScope>> sharedSeeds = plan.sharedSeeds();
    for (FixtureSpec f : FixtureGraph.of(request.manifest(), segment.segment())) {
      if (f.kind().key().equals(PROCESS)) {
        return false;
      }
      Kinds.of(f.kind()).namedFiles(base).forEach(n -> read.add(n.path()));
      sharedSeeds.getOrDefault(f.id(), Map.of()).values().forEach(d -> read.addAll(d.seed()));
    }
    for (Path file : read) {
      Path absolute = base.resolve(file).normalize();
      // another module's build directory (../api/target/...); not a folder above the module's
      if (buildDir != null
          && (absolute.startsWith(buildDir)
              || containsName(base.relativize(absolute), buildDir.getFileName()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsName(Path path, Path name) {
    for (Path element : path) {
      if (element.equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The kind key of a local process fixture. */
  private static final String PROCESS = "process";

  /**
   * Stops the fixtures started ahead that no lane took (a failFast or stopped run): waits a little
   * for starts still under way, so that what they made is removed with the run.
   */
  void closeUntaken() {
    List<SegmentOpening> untaken = List.copyOf(opened.values());
    opened.clear();
    for (SegmentOpening opening : untaken) {
      opening.set().close();
      cleanup.remove(opening.set());
    }
    // segments that did not run: no JVM, and no log of their own
    jvms.stopAll();
    long deadline = System.nanoTime() + AWAIT_STARTING.toNanos();
    for (SegmentOpening opening : untaken) {
      // a start that ends after this closes its own fixtures (FixtureSet)
      opening.awaitAhead(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      if (opening.network() != null) {
        try {
          opening.network().close();
        } catch (RuntimeException e) {
          // removed with the run, by label
        }
      }
    }
  }

  /** How long stopping a start waits for fixtures still starting before removing by label. */
  private static final Duration AWAIT_STARTING = Duration.ofSeconds(10);

  /**
   * The segments whose fixtures were started ahead and are not taken yet, in start order; a segment
   * with no fixtures, whose test JVM alone may have started ahead, is not one of them.
   */
  List<String> openedAhead() {
    return plan.inStartOrder().stream()
        .map(p -> p.segment().id())
        .filter(id -> opened.containsKey(id) && !opened.get(id).fixtures().isEmpty())
        .toList();
  }

  /** The fixtures of {@code segmentId} started ahead of its lane, once; empty when none were. */
  Optional<SegmentOpening> take(String segmentId) {
    Optional<SegmentOpening> opening = Optional.ofNullable(opened.remove(segmentId));
    opening.ifPresent(o -> jvms.take(segmentId).ifPresent(o::jvm));
    return opening;
  }

  /**
   * Why {@code other} does not start what this run's plan started: the first difference; empty when
   * it does: the same request, the same segments in the same order and as many at once, each
   * fixture provided and shared or kept alike. Only then may its run take this start over.
   */
  Optional<String> unlike(Plan other) {
    Optional<String> request = PlanDifference.of(plan.request(), other.request());
    if (request.isPresent()) {
      return request;
    }
    List<String> before = ids(plan);
    List<String> after = ids(other);
    if (!before.equals(after)) {
      return Optional.of(
          "its plan starts the segments "
              + before
              + " and the run after the compile "
              + after
              + " (other tests match -Dit.test after the compile, or another build changed the"
              + " segment history)");
    }
    if (!starts(plan).equals(starts(other))) {
      return Optional.of(
          "the run after the compile starts the same segments' fixtures otherwise (provided,"
              + " shared or kept otherwise)");
    }
    if (plan.parallel() != other.parallel()) {
      return Optional.of(
          "it ran "
              + plan.parallel()
              + " segment(s) at once, and the run after the compile runs "
              + other.parallel());
    }
    return Optional.empty();
  }

  /** The selected segments' ids, in start order. */
  private static List<String> ids(Plan plan) {
    return plan.inStartOrder().stream().map(s -> s.segment().id()).toList();
  }

  /** Each selected segment in start order, with what each of its fixtures is. */
  private static List<List<Object>> starts(Plan plan) {
    return plan.inStartOrder().stream()
        .map(
            s ->
                List.<Object>of(
                    s.segment().id(),
                    s.fixtures().stream()
                        .map(
                            f ->
                                List.of(
                                    f.id(),
                                    f.kind(),
                                    f.runs(),
                                    f.provider(),
                                    f.shared(),
                                    f.kept().isPresent()))
                        .toList()))
        .toList();
  }

  String runId() {
    return runId;
  }

  SerializedListener events() {
    return events;
  }

  CompletableFuture<Void> sweep() {
    return sweep;
  }

  Secrets secrets() {
    return secrets;
  }

  Cleanup cleanup() {
    return cleanup;
  }

  FixtureSources fixtures() {
    return fixtures;
  }

  ClassData classData() {
    return classData;
  }

  /**
   * Stops and removes everything of a start no run took over: its fixtures, its shared ones, what
   * its id labelled on the engine; and puts the earlier run's logs back (its cleanup does).
   */
  @Override
  public void close() {
    closeUntaken();
    cleanup.close();
    // what a start still under way made after the cleanup looked
    removeLate.run();
    sweep.exceptionally(e -> null).join();
  }
}
