package io.segmented.maven;

import io.segmented.engine.EngineException;
import io.segmented.engine.PropertyNames;
import io.segmented.engine.RunRequest;
import io.segmented.engine.TestRuntime;
import io.segmented.engine.plan.Plan;
import io.segmented.manifest.Manifest;
import io.segmented.report.HtmlReport;
import io.segmented.results.RunResult;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * Runs the module's segments: Maven parameters become one request, the engine plans it and runs
 * that plan, and its events become log lines. Subclasses decide when a failed run fails the build.
 */
abstract class AbstractRunMojo extends AbstractPlanningMojo {

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  protected PluginDescriptor plugin;

  /**
   * Stops starting new segments once one has failed; the segments not started are reported SKIPPED.
   * Segments already running finish.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.FAIL_FAST, defaultValue = "false")
  protected boolean failFast;

  /**
   * With {@code -Dit.test}, fail the build when no test ran (and no segment failed), as failsafe
   * does. Not judged in a sharded run.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.FAIL_IF_NO_SPECIFIED_TESTS, defaultValue = "true")
  protected boolean failIfNoSpecifiedTests;

  /**
   * Starts a seeded PostgreSQL fixture from a snapshot of its seeded data kept on the Docker engine
   * (no initdb, no seeds), and makes the snapshot beside the first segment that finds none. A
   * snapshot is keyed by the image's id, the fixture's settings and the seed files' content, so a
   * change to any of them starts fresh. Likewise a WireMock container starts from a class-data
   * archive of its JVM, made once per image and JVM options. {@code false} seeds every segment anew
   * and makes no snapshot nor archive. {@code mvn segment:prune} removes them all.
   *
   * @since 0.2.0
   */
  @Parameter(property = PropertyNames.SNAPSHOTS, defaultValue = "true")
  protected boolean snapshots;

  /**
   * Starts each segment's test JVM beside its fixtures: it discovers and loads the tests while the
   * fixtures start, and runs them the moment they are ready, with every fixture attribute as system
   * property and environment variable as before (set in the running JVM, which is therefore given
   * {@code --add-opens java.base/java.util=ALL-UNNAMED}). {@code false} starts it after the
   * fixtures, with the attributes on its command line.
   *
   * @since 0.2.0
   */
  @Parameter(property = PropertyNames.JVM_BESIDE, defaultValue = "true")
  protected boolean jvmBeside;

  /**
   * Starts each test JVM with the options of a JVM that lives seconds: the client compiler only
   * ({@code -XX:TieredStopAtLevel=1}) and the serial collector ({@code -XX:+UseSerialGC}), each
   * unless the segment's {@code jvmArgs} chose a compiler level or a collector. A segment's JVM
   * loads its tests, runs them and exits; the optimising compiler's work would not pay off, and on
   * few cores its threads take the CPU the other segments need. {@code false} leaves the JVM's
   * defaults, for tests that run long CPU-bound work.
   *
   * @since 0.2.0
   */
  @Parameter(property = PropertyNames.FAST_JVM, defaultValue = "true")
  protected boolean fastJvm;

  /**
   * Test JVMs map a class-data archive of the test classpath's jars (the JDK's class-data sharing):
   * the classes of the JDK and of the dependencies that the tests load, made once by the first run
   * in {@code target/segment-work/class-data} and mapped by the test JVMs of later runs instead of
   * being loaded one by one. Such a JVM has the jars first on its classpath and the folders ({@code
   * target/test-classes}, {@code target/classes}) after them, which the plugin does only when no
   * file in the folders is also in a jar. JDK 17 or later. {@code false} leaves the classpath in
   * Maven's order and makes no archive.
   *
   * @since 0.2.0
   */
  @Parameter(property = PropertyNames.CDS, defaultValue = "true")
  protected boolean cds;

  private final RepositorySystem repositorySystem;

  @Inject
  AbstractRunMojo(RepositorySystem repositorySystem) {
    this.repositorySystem = repositorySystem;
  }

  /** The run's request: the planning options and the run's own. */
  protected RunRequest runRequest(Manifest loaded) {
    return request(loaded)
        .failFast(failFast)
        .snapshots(snapshots)
        .jvmBeside(jvmBeside)
        .fastJvm(fastJvm)
        .classData(cds)
        .build();
  }

  /** The test JVMs' runtime: the module's test classpath and the launcher's. */
  protected TestRuntime testRuntime() throws MojoExecutionException, MojoFailureException {
    return testClasspath().runtime(testClassesDirectory.toPath());
  }

  /** What makes the test JVMs' runtime of this module. */
  TestClasspath testClasspath() {
    return new TestClasspath(project, session, plugin, repositorySystem);
  }

  /** Plans the run, runs that plan, writes the HTML report; returns the results. */
  protected RunResult runSegments() throws MojoExecutionException, MojoFailureException {
    TestcontainersLogging.quiet(getLog());
    engine.warmUp();
    Plan plan;
    TestRuntime runtime;
    try {
      TestRuntime early = null;
      try {
        early = testRuntime();
        // the test JVMs segment:warm-up started ahead discover the compiled tests while this plans
        engine.testsCompiled(project.getBasedir().toPath(), early);
      } catch (MojoExecutionException | MojoFailureException e) {
        // said below, after what is wrong with the manifest
      }
      Manifest loaded = loadManifest();
      plan = plan(runRequest(loaded));
      logWarnings(plan.warnings());
      ChangedSince.log(plan, getLog());
      runtime = early != null ? early : testRuntime();
    } catch (Throwable e) {
      // what segment:warm-up started ahead for this run: it will not run
      try {
        engine.dropHeadStart(project.getBasedir().toPath());
      } catch (RuntimeException | LinkageError dropping) {
        e.addSuppressed(dropping);
      }
      throw e;
    }
    RunResult result;
    ReportWriting.OfTheRun report = new ReportWriting.OfTheRun(reportsDirectory.toPath(), getLog());
    try {
      result =
          engine.run(
              plan,
              runtime,
              new MavenLogListener(
                  getLog(), project.getBasedir().toPath(), reportsDirectory.toPath(), report));
    } catch (EngineException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException(
          "the segment run of "
              + project.getId()
              + " broke: "
              + e
              + ". Results so far are in "
              + reportsDirectory,
          e);
    }
    report.check();
    gitHub()
        .run(
            result,
            manifest.toPath(),
            project.getTestCompileSourceRoots().stream().map(Path::of).toList(),
            reportsDirectory.toPath().resolve(HtmlReport.INDEX));
    advise(
        result.advice(),
        "the measurements of this run and the earlier ones in " + historyFile.toPath());
    if (failIfNoSpecifiedTests && plan.noSpecifiedTestRan(result)) {
      throw new MojoFailureException(
          "No tests matching "
              + plan.testFilter().describe()
              + " were executed in any segment! (Set -D"
              + PropertyNames.FAIL_IF_NO_SPECIFIED_TESTS
              + "=false to ignore this error.)");
    }
    return result;
  }
}
