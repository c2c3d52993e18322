package io.segmented.maven;

import io.segmented.engine.PropertyNames;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Runs the module's segments: Maven parameters become one request, the engine plans it and runs
 * that plan, and its events become log lines. Subclasses decide when a failed run fails the build.
 */
abstract class AbstractRunMojo extends AbstractPlanningMojo {

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
   * file in the folders is also in a jar. JDK 17 or later. The engine's own JVM ({@link #fork})
   * likewise maps an archive of the plugin's classpath. {@code false} leaves the classpath in
   * Maven's order and makes no archive.
   *
   * @since 0.2.0
   */
  @Parameter(property = PropertyNames.CDS, defaultValue = "true")
  protected boolean cds;

  /**
   * Runs the engine in a JVM of its own rather than in Maven's: {@code segment:warm-up} forks it as
   * the build begins, with the client compiler and a class-data archive of the plugin's classpath
   * (made by the first build, in the top-level project's {@code target/segment-work/engine}), and
   * it connects to Docker and starts the first fixtures while Maven compiles. Maven's JVM then
   * loads and compiles none of the engine's classes (Testcontainers, its Docker client, Jackson,
   * FreeMarker), which on few cores slow {@code javac} and Maven's own JIT. The plugin's log lines,
   * the results and the build's outcome are the same; Testcontainers' own log lines are shown under
   * Maven 3 only. When Maven is stopped (Ctrl-C, a signal) it waits for the engine's JVM to stop
   * what it started; when Maven is killed, the engine's JVM sees its input end and does the same.
   * {@code false} runs the engine in Maven's JVM.
   *
   * @since 0.2.0
   */
  @Parameter(property = PropertyNames.FORK, defaultValue = "true")
  protected boolean fork;

  /**
   * With {@code keep} ({@code -Dsegment.keep}) and {@link #fork}, whether the engine's JVM is kept
   * too: it stays after the build, idle as long as the fixtures, and the module's next build runs
   * in it rather than forking one, when it would fork it the same way and no other build runs in
   * it. {@code false} forks one for every build.
   *
   * @since 0.2.0
   */
  @Parameter(property = PropertyNames.KEEP_ENGINE, defaultValue = "true")
  protected boolean keepEngine;

  @Override
  protected RunInputs.Options options() {
    return new RunInputs.Options(
        failFast,
        snapshots,
        jvmBeside,
        fastJvm,
        cds,
        failIfNoSpecifiedTests,
        failOnAdvice,
        failOnFlaky);
  }

  /** What makes the test JVMs' runtime of this module: its test classpath and the launcher's. */
  TestClasspath testClasspath() throws MojoExecutionException {
    return new TestClasspath(project, session, engineJars(), repositorySystem);
  }

  /**
   * Plans the run, runs that plan, writes the HTML report, and judges it when the goal {@link
   * #judges}: in Maven's JVM, or in the engine's own ({@link #fork}).
   */
  protected void runSegments() throws MojoExecutionException, MojoFailureException {
    if (fork) {
      EngineFork.run(withRuntime(inputs()), engineArchives(), getLog(), keepEngine);
      return;
    }
    // an engine's JVM segment:warm-up forked ahead (a warm-up of its own configuration) is not used
    EngineFork.drop(project.getBasedir().toPath());
    RunGoal.runHere(inputs(), testClasspath(), testClassesDirectory.toPath(), getLog());
  }

  /**
   * Where the class-data archives of the engine's JVM are: under the build's top-level project,
   * {@code target/segment-work/engine}, since every module's engine JVM has the same classpath;
   * none with {@code -Dsegment.cds=false}.
   */
  protected Optional<Path> engineArchives() {
    if (!cds) {
      return Optional.empty();
    }
    MavenProject top =
        session.getTopLevelProject() != null ? session.getTopLevelProject() : project;
    return Optional.of(
        Path.of(top.getBuild().getDirectory(), "segment-work", EngineProcess.ENGINE));
  }

  /** {@code inputs} with the test JVMs' runtime, or with why it cannot be made. */
  private RunInputs withRuntime(RunInputs inputs) {
    try {
      return inputs.withRuntime(
          Optional.of(testClasspath().runtime(testClassesDirectory.toPath())), Optional.empty());
    } catch (MojoFailureException e) {
      return inputs.withRuntime(Optional.empty(), Optional.of(unresolved(e, true)));
    } catch (MojoExecutionException | RuntimeException e) {
      getLog().debug("The test JVMs' runtime cannot be made", e);
      return inputs.withRuntime(Optional.empty(), Optional.of(unresolved(e, false)));
    }
  }

  private static RunInputs.Unresolved unresolved(Exception e, boolean fails) {
    return new RunInputs.Unresolved(Objects.toString(e.getMessage(), e.toString()), fails);
  }
}
