package io.segmented.engine;

import io.segmented.engine.fixture.DockerJanitor;
import io.segmented.engine.fixture.DockerProbe;
import io.segmented.engine.fixture.Janitor;
import io.segmented.engine.fixture.KeptFixtures;
import io.segmented.engine.fixture.Reaper;
import io.segmented.engine.fixture.SeedSnapshots;
import io.segmented.engine.plan.Plan;
import io.segmented.engine.plan.PlanJson;
import io.segmented.engine.plan.Planner;
import io.segmented.engine.run.Executor;
import io.segmented.results.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The engine's front: a request becomes one {@link Plan}, which {@code segment:plan} prints and
 * {@code segment:run} executes as it is. Every decision of a run is the planner's; the executor
 * runs exactly the plan's selected segments.
 */
public final class SegmentEngine {

  /** The file {@link #writePlan} writes in the reports directory. */
  public static final String PLAN_FILE = "segment-plan.json";

  private final Executor executor;

  /** An engine of real fixtures and JVMs on the local Docker engine. */
  public SegmentEngine() {
    this(Executor.local());
  }

  /** An engine that runs plans with {@code executor}. */
  public SegmentEngine(Executor executor) {
    this.executor = executor;
  }

  /**
   * Starts connecting to the Docker engine in the background, where one is configured, so that the
   * first fixture does not wait for it; call it first, before reading the manifest.
   */
  public void warmUp() {
    executor.warmUp();
  }

  /**
   * Plans the run of {@code moduleDir} that {@code request} makes (on a thread of its own) and
   * begins it in the background, while the build does other work (Maven compiles): the run's lease
   * on the Docker engine and its first segments' fixtures. A {@link #run} of the same plan in this
   * JVM takes the start over; a different plan stops it and starts afresh, and a start no run takes
   * is stopped when the JVM exits. Returns at once, and never fails: what is wrong is the run's to
   * say.
   */
  public void headStart(Path moduleDir, Callable<RunRequest> request) {
    headStart(moduleDir, request, Optional.empty());
  }

  /**
   * As {@link #headStart(Path, Callable)}; with {@code runtime}, the test classpath resolved, the
   * first segments' test JVMs start too, and wait until {@link #testsCompiled} says their tests are
   * there.
   */
  public void headStart(
      Path moduleDir, Callable<RunRequest> request, Optional<TestRuntime> runtime) {
    executor.headStart(moduleDir, () -> plan(request.call()), runtime);
  }

  /**
   * The tests of {@code moduleDir} are compiled, and run with {@code runtime}: the test JVMs its
   * head start started discover them now, while the run goal plans (unless they were made of
   * another runtime). Returns at once; nothing when there is no head start.
   */
  public void testsCompiled(Path moduleDir, TestRuntime runtime) {
    executor.testsCompiled(moduleDir, runtime);
  }

  /**
   * Stops what {@link #headStart} began for {@code moduleDir}, if anything; for a run goal that
   * fails before it runs.
   */
  public void dropHeadStart(Path moduleDir) {
    executor.dropHeadStart(moduleDir);
  }

  /**
   * What a run of {@code request} does, without starting anything; asks the local Docker engine
   * only when a fixture needs it.
   */
  public Plan plan(RunRequest request) throws InputException, EngineException {
    try (DockerProbe docker = DockerProbe.local()) {
      return Planner.plan(request, docker);
    }
  }

  /** Runs exactly {@code plan}, with test JVMs made of {@code runtime}. */
  public RunResult run(Plan plan, TestRuntime runtime, RunListener listener)
      throws EngineException {
    return executor.run(plan, runtime, listener);
  }

  /**
   * Removes what runs keep on the Docker engine between builds (the seeded database snapshots, the
   * class-data archives); says how many it removed, and how many a container still uses.
   */
  public SeedSnapshots.Pruned prune() throws EngineException {
    connect(
        "No Docker engine reachable to prune: start Docker, or set DOCKER_HOST to the engine the"
            + " runs used");
    return SeedSnapshots.removeAll();
  }

  /**
   * The run id the goals that only remove things ({@code segment:prune}, {@code segment:down}) give
   * the preload of Testcontainers' shutdown hook classes: no run carries it.
   */
  private static final String PRUNE_RUN = "no-run";

  /**
   * Removes every kept fixture ({@code -Dsegment.keep}) of the module {@code moduleDir} from the
   * Docker engine, leased or not, with its leases and records, and then what builds that did not
   * end left there (their containers, networks and leases), as every run's start does: a build
   * killed holding a lease leaves its run's lease too.
   */
  public Down down(Path moduleDir) throws EngineException {
    connect(
        "No Docker engine reachable to remove kept fixtures from: start Docker, or set"
            + " DOCKER_HOST to the engine the builds used");
    int kept = KeptFixtures.down(moduleDir);
    return new Down(kept, DockerJanitor.removeOrphans());
  }

  /**
   * What {@link #down} removed.
   *
   * @param kept the module's kept fixtures
   * @param leftovers containers and networks of builds that did not end
   */
  public record Down(int kept, int leftovers) {}

  /**
   * Connects Testcontainers' client for a goal that only removes things; fails with {@code
   * noEngine} where no engine answers.
   */
  private static void connect(String noEngine) throws EngineException {
    // before the first contact with the engine, which would start Ryuk (and pull its image)
    Reaper.choose();
    // and before Testcontainers' client, which would wait minutes for a helper image
    Optional<String> address = Janitor.docker().hostAddressProblem();
    if (address.isPresent()) {
      throw new EngineException(
          address.get() + ". Testcontainers' client would wait minutes for it");
    }
    if (!DockerJanitor.dockerAvailable()) {
      throw new EngineException(noEngine);
    }
    DockerJanitor.preloadShutdownHookClasses(PRUNE_RUN);
  }

  /** Writes {@code plan} as JSON to {@code segment-plan.json} in its reports directory. */
  public Path writePlan(Plan plan) throws EngineException {
    Path file = plan.request().reportsDir().resolve(PLAN_FILE);
    try {
      PlanJson.write(plan, file);
      return file;
    } catch (IOException e) {
      throw new EngineException("cannot write the plan to " + file + ": " + e.getMessage(), e);
    }
  }
}
