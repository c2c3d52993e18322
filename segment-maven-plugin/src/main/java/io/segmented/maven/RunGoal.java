package io.segmented.maven;

import io.segmented.engine.EngineException;
import io.segmented.engine.InputException;
import io.segmented.engine.PropertyNames;
import io.segmented.engine.RunRequest;
import io.segmented.engine.SegmentEngine;
import io.segmented.engine.TestRuntime;
import io.segmented.engine.plan.Plan;
import io.segmented.manifest.Interpolator;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.ManifestException;
import io.segmented.manifest.ManifestLoader;
import io.segmented.report.HtmlReport;
import io.segmented.results.Advice;
import io.segmented.results.RunResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * What {@code segment:run} and {@code segment:integration-test} do once Maven has given them their
 * {@link RunInputs}: read the manifest, plan, run that plan with the engine's events as log lines,
 * write the HTML report, and judge. The same in Maven's JVM and in the engine's own ({@link
 * EngineFork}): it needs Maven's log and exceptions only.
 */
final class RunGoal {

  private final SegmentEngine engine;
  private final Log log;

  RunGoal(SegmentEngine engine, Log log) {
    this.engine = engine;
    this.log = log;
  }

  /** What makes the test JVMs' runtime: Maven's resolution, or what it made in Maven's JVM. */
  @FunctionalInterface
  interface RuntimeSource {
    TestRuntime get() throws MojoExecutionException, MojoFailureException;
  }

  /**
   * Runs the segments of {@code inputs} in Maven's JVM ({@code -Dsegment.fork=false}), their test
   * JVMs with the runtime of {@code classpath} for {@code testClassesDir}.
   */
  static void runHere(RunInputs inputs, TestClasspath classpath, Path testClassesDir, Log log)
      throws MojoExecutionException, MojoFailureException {
    new RunGoal(new SegmentEngine(), log).run(inputs, () -> classpath.runtime(testClassesDir));
  }

  /**
   * Plans the run, runs that plan with test JVMs of {@code runtimes}, writes the HTML report,
   * judges; returns the results.
   */
  RunResult run(RunInputs in, RuntimeSource runtimes)
      throws MojoExecutionException, MojoFailureException {
    TestcontainersLogging.quiet(log);
    engine.warmUp();
    GitHubOutput gitHub = GitHubOutput.of(log, in.executionRoot());
    Plan plan;
    TestRuntime runtime;
    try {
      TestRuntime early = null;
      try {
        early = runtimes.get();
        // the test JVMs segment:warm-up started ahead discover the compiled tests while this plans
        engine.testsCompiled(in.basedir(), early);
      } catch (MojoExecutionException | MojoFailureException e) {
        // said below, after what is wrong with the manifest
      }
      Manifest loaded =
          loadManifest(in.basedir(), in.properties(), in.manifest(), in.module(), () -> gitHub);
      plan = plan(engine, in.request(loaded));
      plan.warnings().forEach(w -> log.warn(w.format()));
      ChangedSince.log(plan, log);
      runtime = early != null ? early : runtimes.get();
    } catch (Throwable e) {
      // what segment:warm-up started ahead for this run: it will not run
      try {
        engine.dropHeadStart(in.basedir());
      } catch (RuntimeException | LinkageError dropping) {
        e.addSuppressed(dropping);
      }
      throw e;
    }
    RunResult result;
    ReportWriting.OfTheRun report = new ReportWriting.OfTheRun(in.reportsDir(), log);
    try {
      result =
          engine.run(
              plan, runtime, new MavenLogListener(log, in.basedir(), in.reportsDir(), report));
    } catch (EngineException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException(broke(in, e), e);
    }
    report.check();
    gitHub.run(
        result, in.manifest(), in.testSourceRoots(), in.reportsDir().resolve(HtmlReport.INDEX));
    advise(
        log,
        result.advice(),
        "the measurements of this run and the earlier ones in " + in.historyFile(),
        in.options().failOnAdvice());
    if (in.options().failIfNoSpecifiedTests() && plan.noSpecifiedTestRan(result)) {
      throw new MojoFailureException(
          "No tests matching "
              + plan.testFilter().describe()
              + " were executed in any segment! (Set -D"
              + PropertyNames.FAIL_IF_NO_SPECIFIED_TESTS
              + "=false to ignore this error.)");
    }
    if (in.judge()) {
      Verdict.check(result, in.reportsDir().toFile(), in.options().failOnFlaky());
    }
    return result;
  }

  /** What the build says when the run broke with {@code e}, an exception of no kind of ours. */
  static String broke(RunInputs in, Throwable e) {
    return "the segment run of "
        + in.projectId()
        + " broke: "
        + e
        + ". Results so far are in "
        + in.reportsDir();
  }

  /** The manifest read with {@code properties}; throws what is wrong with it. */
  static Manifest readManifest(Path basedir, Map<String, String> properties, Path manifest)
      throws ManifestException {
    return new ManifestLoader(Interpolator.of(basedir, properties, System.getenv())).load(manifest);
  }

  /** Parses the report's template ahead, so that the run finds it ready; throws nothing. */
  static void prepareReport() {
    try {
      HtmlReport.prepare();
    } catch (Exception | LinkageError e) {
      // the report says what is wrong with it
    }
  }

  /**
   * Reads the manifest of {@code mojo}'s module with the project's properties; every problem of the
   * file fails the build.
   */
  static Manifest loadManifest(AbstractSegmentMojo mojo) throws MojoFailureException {
    return loadManifest(
        mojo.project.getBasedir().toPath(),
        ManifestProperties.of(mojo.project, mojo.session),
        mojo.manifest.toPath(),
        mojo.project.getArtifactId(),
        mojo::gitHub);
  }

  /**
   * Reads the manifest with {@code properties}; every problem of the file fails the build, and is
   * annotated on GitHub.
   */
  static Manifest loadManifest(
      Path basedir,
      Map<String, String> properties,
      Path manifest,
      String module,
      Supplier<GitHubOutput> gitHub)
      throws MojoFailureException {
    try {
      return readManifest(basedir, properties, manifest);
    } catch (ManifestException e) {
      gitHub.get().manifestProblems(manifest, module, e.problems());
      throw new MojoFailureException(
          "The manifest "
              + manifest
              + " has "
              + e.problems().size()
              + " problem(s):\n"
              + e.getMessage());
    }
  }

  /** The engine's plan of {@code request}, its problems as Maven's exceptions. */
  static Plan plan(SegmentEngine engine, RunRequest request)
      throws MojoExecutionException, MojoFailureException {
    try {
      return engine.plan(request);
    } catch (InputException e) {
      throw new MojoFailureException(e.describe(), e);
    } catch (EngineException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /**
   * Logs the advice on cutting segments, if any, drawn from {@code from}; fails the build with it
   * when {@code failOnAdvice}.
   */
  static void advise(Log log, List<Advice> advice, String from, boolean failOnAdvice)
      throws MojoFailureException {
    if (advice.isEmpty()) {
      return;
    }
    log.info("Advice on cutting segments, from " + from + ":");
    advice.forEach(a -> log.info("  - " + a.text()));
    if (failOnAdvice) {
      throw new MojoFailureException(
          advice.size()
              + " piece(s) of advice on cutting segments, and -D"
              + PropertyNames.FAIL_ON_ADVICE
              + " is set: follow it, or leave the property out to only print it");
    }
  }
}
