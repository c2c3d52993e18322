package io.segmented.maven;

import io.segmented.engine.PropertyNames;
import io.segmented.engine.SegmentEngine;
import io.segmented.engine.TestRuntime;
import io.segmented.engine.history.History;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.ProjectDependenciesResolver;

/**
 * Gets the run going while Maven compiles: connects to the Docker engine in the background, so that
 * the segments' first fixture does not wait for Testcontainers' client (about a second of a fresh
 * JVM), then plans the run with the run goal's parameters and starts the fixtures of the segments
 * it starts first (the head start, {@code -Dsegment.headStart}), and their test JVMs, which wait to
 * discover the tests until the run goal says they are compiled; for them it resolves the test
 * classpath then, as the run goal does. The run goal takes those fixtures and JVMs over when its
 * own plan, made after the compile, starts the same; otherwise they are stopped and it starts
 * afresh. {@code segment:run} runs this goal by itself at the start of the lifecycle it forks; a
 * build that runs the {@code integration-test} goal in the lifecycle ({@code mvn verify}) gets the
 * same by adding this goal to the plugin's execution (it binds to {@code initialize}). However
 * often it runs, the client connects once per JVM. Beside it, once per JVM too, the segment history
 * and the report's template are read ahead, so that their classes are loaded before the run needs
 * them.
 *
 * <p>Does nothing where the build runs no segments (no goal or phase up to {@code
 * integration-test}, as {@code mvn test}), where the segment goals are skipped, or where the module
 * has no manifest; connects nothing where no Docker engine is configured. Never fails the build:
 * the run says what is wrong with the engine, the manifest or the history when it needs them.
 *
 * @since 0.2.0
 */
@Mojo(name = "warm-up", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public final class WarmUpMojo extends AbstractRunMojo {

  /**
   * Plans the run and starts the fixtures of the segments it starts first while Maven compiles; the
   * run goal takes them over when its plan, made after the compile, starts the same. {@code false}
   * leaves every fixture to the run goal.
   *
   * @since 0.2.0
   */
  @Parameter(property = PropertyNames.HEAD_START, defaultValue = "true")
  private boolean headStart;

  private final ProjectDependenciesResolver resolver;

  @Inject
  WarmUpMojo(ProjectDependenciesResolver resolver) {
    this.resolver = resolver;
  }

  /** The phases of the default lifecycle from {@code integration-test} on. */
  private static final Set<String> RUNS_SEGMENTS =
      Set.of("integration-test", "post-integration-test", "verify", "install", "deploy");

  @Override
  protected boolean announces() {
    return false;
  }

  @Override
  protected boolean needsEngine() {
    return runsSegments(session.getGoals());
  }

  /** Whether this JVM has read ahead once: the classes stay loaded for every later module. */
  private static final AtomicBoolean READ_AHEAD = new AtomicBoolean();

  @Override
  protected void executeWithManifest() {
    if (!runsSegments(session.getGoals())) {
      return;
    }
    Path basedir = project.getBasedir().toPath();
    boolean wanted = headStart && onlyTheRunGoal(session.getGoals());
    boolean planned = wanted && firstHeadStart();
    if (wanted && !planned) {
      getLog()
          .debug("segment:warm-up ran before in this build for this module: its head start stands");
    }
    if (fork) {
      forkAhead(basedir, planned);
      return;
    }
    WithEngine.warmUp(this, planned);
  }

  /** The goal's work with the engine's types, which its Mojo's class must not name (EngineJars). */
  private static final class WithEngine {

    /**
     * Warms up the engine in Maven's JVM ({@code -Dsegment.fork=false}), takes the head start when
     * {@code planned}, and reads ahead.
     */
    static void warmUp(WarmUpMojo mojo, boolean planned) {
      Map<String, String> properties = ManifestProperties.of(mojo.project, mojo.session);
      Path basedir = mojo.project.getBasedir().toPath();
      Path manifestFile = mojo.manifest.toPath();
      TestcontainersLogging.quiet(mojo.getLog());
      // the plugin's realm, and so Testcontainers' client, is the one the run goal uses later
      SegmentEngine engine = new SegmentEngine();
      engine.warmUp();
      if (planned) {
        // registered now, so that the run goal waits for it; planned on a thread of its own, which
        // reads the manifest and the history as the run does
        RunInputs inputs = mojo.inputs();
        engine.headStart(
            basedir,
            () -> inputs.request(RunGoal.readManifest(basedir, properties, manifestFile)),
            mojo.aheadRuntime());
      }
      if (!READ_AHEAD.compareAndSet(false, true)) {
        return;
      }
      // the run's history file: -Dsegment.history, else where the run goals keep it by default
      String history =
          properties.getOrDefault(
              PropertyNames.HISTORY,
              mojo.project.getBuild().getDirectory() + "/segment-history.json");
      Thread ahead =
          new Thread(
              () -> {
                if (planned) {
                  readAheadReport();
                } else {
                  readAhead(basedir, properties, manifestFile.toFile(), history);
                }
              },
              "segment-warm-up-read-ahead");
      ahead.setDaemon(true);
      ahead.start();
    }
  }

  /**
   * Forks the engine's JVM ({@code -Dsegment.fork}) on a thread of its own, which connects to
   * Docker as it starts, and when {@code planned} hands it the head start, with the test JVMs'
   * runtime resolved here, as without the fork; the run goal takes it over.
   */
  private void forkAhead(Path basedir, boolean planned) {
    EngineFork.ahead(
        basedir,
        Path.of(project.getBuild().getDirectory(), "segment-work"),
        engineArchives(),
        getLog(),
        planned
            ? Optional.of(inputs().withRuntime(aheadRuntime(), Optional.empty()))
            : Optional.empty(),
        keepEngine ? keep : "");
  }

  /**
   * Whether this is the module's first head start in the build: a POM that binds this goal (for
   * {@code mvn verify}) runs it twice in {@code mvn segment:run}, once from the binding and once
   * from the lifecycle the run goal forks, and a second start would only throw the first away and
   * begin again later. Maven keeps the plugin's context per module for the whole build.
   */
  @SuppressWarnings("unchecked")
  private boolean firstHeadStart() {
    Map<Object, Object> context = getPluginContext();
    return context == null || context.putIfAbsent(HEAD_STARTED, Boolean.TRUE) == null;
  }

  /** The plugin context's key for {@link #firstHeadStart}. */
  private static final String HEAD_STARTED = "segment.headStarted";

  /**
   * The test JVMs' runtime, as the run goal makes it, so that the first segments' test JVMs start
   * while Maven compiles; empty when they start with their fixtures ({@code -Dsegment.jvmBeside}),
   * or when it cannot be made (the run goal says why). Resolved here, not by Maven before this
   * goal: a build that runs no segments must not resolve the test classpath at {@code initialize},
   * nor fail when it cannot.
   */
  private Optional<TestRuntime> aheadRuntime() {
    if (!jvmBeside) {
      return Optional.empty();
    }
    try {
      return Optional.of(testClasspath().resolvedRuntime(testClassesDirectory.toPath(), resolver));
    } catch (MojoExecutionException | MojoFailureException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads what the run reads first and writes last, and throws it away: the manifest, the history
   * and the report's template. What stays is the classes loaded and the template parsed, which the
   * run then finds ready instead of loading them after the compile. Says nothing and throws
   * nothing: whatever is wrong with them is the run's to say.
   */
  static void readAhead(
      Path basedir, Map<String, String> properties, File manifestFile, String history) {
    try {
      // the manifest, read as the run reads it
      RunGoal.readManifest(basedir, properties, manifestFile.toPath());
    } catch (Exception | LinkageError e) {
      // the run reads it again, and reports its problems
    }
    try {
      Path file = basedir.resolve(history);
      if (Files.isRegularFile(file)) {
        History.read(file);
      }
    } catch (Exception | LinkageError e) {
      // likewise
    }
    readAheadReport();
  }

  /** Parses the report's template ahead, and throws nothing. */
  static void readAheadReport() {
    RunGoal.prepareReport();
  }

  /**
   * Whether segments run only by {@code segment:run} in a build of these command-line goals and
   * phases: its forked lifecycle ends with the compile, so nothing the fixtures use is built
   * between the head start and the run. A lifecycle that runs them ({@code mvn verify}) packages
   * first, and may build the very image or jar a fixture runs.
   */
  static boolean onlyTheRunGoal(List<String> goals) {
    boolean run = false;
    for (String task : goals) {
      if (!runsSegments(List.of(task))) {
        continue;
      }
      String goal = task.contains("@") ? task.substring(0, task.indexOf('@')) : task;
      if (!goal.endsWith(":run")) {
        return false;
      }
      run = true;
    }
    return run;
  }

  /**
   * Whether a build of these command-line goals and phases reaches a goal that runs segments:
   * {@code segment:run} (which forks the lifecycle that runs this), or a phase from {@code
   * integration-test} on, where {@code segment:integration-test} is bound.
   */
  static boolean runsSegments(List<String> goals) {
    for (String task : goals) {
      // an execution id (segment:run@ci) names the same goal
      String goal = task.contains("@") ? task.substring(0, task.indexOf('@')) : task;
      // Maven 4's phases before and after a phase (after:integration-test) run that phase
      for (String prefix : List.of("before:", "after:")) {
        if (goal.startsWith(prefix)) {
          goal = goal.substring(prefix.length());
        }
      }
      if (RUNS_SEGMENTS.contains(goal)) {
        return true;
      }
      String name = goal.substring(goal.lastIndexOf(':') + 1);
      boolean ours = goal.startsWith("segment:") || goal.contains("segment-maven-plugin:");
      if (ours && (name.equals("run") || name.equals("integration-test"))) {
        return true;
      }
    }
    return false;
  }
}
