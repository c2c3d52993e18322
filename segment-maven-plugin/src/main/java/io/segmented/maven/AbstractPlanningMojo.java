package io.segmented.maven;

import io.segmented.engine.PropertyNames;
import io.segmented.results.Advice;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What {@code segment:plan} and {@code segment:run} share: the options that decide which segments
 * run and how, declared once and handed to the engine's planner as they are. The planner reads and
 * checks them; this class only translates its exceptions: the user's input is a {@link
 * MojoFailureException}, a broken environment a {@link MojoExecutionException}.
 */
abstract class AbstractPlanningMojo extends AbstractSegmentMojo {

  /**
   * Provides every fixture whose kind has a choice ({@code postgres}, {@code wiremock}) this way
   * for the whole run: {@code embedded} (no Docker), {@code container} or {@code auto}. Kinds that
   * only run in containers are not affected.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.PROVIDER)
  protected String provider;

  /**
   * Fails the build when there is advice on cutting the segments (a segment to merge, a fixture to
   * share, a segment with no test or only skipped ones). By default advice is only printed.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.FAIL_ON_ADVICE, defaultValue = "false")
  protected boolean failOnAdvice;

  /**
   * Prints {@code advice} on cutting the segments, measured as {@code from} says, and fails the
   * build on it if asked.
   */
  protected void advise(List<Advice> advice, String from) throws MojoFailureException {
    RunGoal.advise(getLog(), advice, from, failOnAdvice);
  }

  /**
   * Stops starting new segments once one has failed; the segments not started are reported SKIPPED.
   * Segments already running finish. The segments that failed last time then start beside the
   * shortest ones, which {@code segment:plan} shows as the run would do it.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.FAIL_FAST, defaultValue = "false")
  protected boolean failFast;

  /**
   * How many segments run at once, each with its own fixtures and test JVM. By default as many as
   * there are cores, but no more than the machine's memory holds at about 1.5 GiB a segment. 1 runs
   * them one after another.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.PARALLEL)
  protected Integer parallel;

  /**
   * Runs only the segments whose id matches one of these comma-separated patterns ({@code *} any
   * characters, {@code ?} one), as {@code -Dsegment=orders-*,payments}; the others are reported
   * SKIPPED. A pattern that matches no segment fails the build, since it is most likely a typo.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.SELECTION)
  protected String segments;

  /**
   * Runs only the segments that the changes since this git ref touch (a branch, tag or commit, as
   * {@code -Dsegment.changedSince=origin/main}): committed since the ref, staged, unstaged and
   * untracked files of the module alike. A segment is touched when a changed file matches its
   * {@code covers} or is a file its fixtures, data or contract name, or when its own entry in
   * {@code segments.yaml} changed; a change to {@code segments.yaml} outside every entry, or to the
   * module's {@code pom.xml}, touches all. Applies on top of {@code segment}: a segment must pass
   * both. The others are reported SKIPPED with the reason.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.CHANGED_SINCE)
  protected String changedSince;

  /**
   * Runs only this CI job's share of the selected segments: {@code 2/3} is the second of three
   * jobs. The shares are computed alike on every job, so together they run every selected segment
   * exactly once; they are balanced by the durations in the history file when it has them, by
   * segment id otherwise. The other segments are reported SKIPPED. Merge the jobs' results with
   * {@code segment:merge}.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.SHARD)
  protected String shard;

  /**
   * The file that keeps each segment's last 20 outcomes, durations and measures: shards are
   * balanced by them, the advice on cutting segments is judged from them (also by {@code
   * segment:plan}), and the report shows each segment's recent failure rate. Point it outside
   * {@code target} (and cache it in CI) to keep it across clean builds.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = PropertyNames.HISTORY,
      defaultValue = "${project.build.directory}/segment-history.json")
  protected File historyFile;

  /**
   * Which segments start first, as surefire's {@code runOrder}: {@code history} (the segments that
   * failed last time, then those the history file does not know, then the others longest first),
   * {@code failedfirst}, {@code balanced} (longest first) or {@code manifest}. Results and the
   * report keep the manifest's order; without a history every order is the manifest's.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.RUN_ORDER, defaultValue = "history")
  protected String runOrder;

  /**
   * Runs only these tests inside the selected segments, as failsafe's {@code -Dit.test}:
   * comma-separated class patterns ({@code OrderIT}, {@code Order*IT}, {@code com.acme.**.*IT}),
   * each optionally with methods ({@code OrderIT#creates*+cancels}); a leading {@code !} excludes.
   * Segments none of whose test classes match are reported SKIPPED without starting their fixtures.
   * Needs the compiled test classes; {@code segment:plan} without them says so and ignores it.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.IT_TEST)
  protected String test;

  /**
   * Runs only the tests with one of these comma-separated JUnit tags or tag expressions, inside the
   * segments and on top of their own tag selectors, as failsafe's {@code groups}.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.GROUPS)
  protected String groups;

  /**
   * Leaves out the tests with one of these comma-separated JUnit tags or tag expressions, as
   * failsafe's {@code excludedGroups}.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.EXCLUDED_GROUPS)
  protected String excludedGroups;

  /**
   * Keeps the fixtures a build starts for the builds after it, idle for this long ({@code 30s},
   * {@code 10m}, {@code 2h}): the next build on the same Docker engine leases a kept fixture with
   * the same image, settings, seeds and files instead of starting one, and gets fresh data on it
   * (its database cloned again from the seeded template, Redis flushed, WireMock reset). Kept are
   * PostgreSQL, MySQL, MariaDB, Redis and WireMock fixtures in containers that the run does not
   * share ({@code reuse: run}), and {@code container} fixtures only with {@code keep: true} in the
   * manifest; {@code keep: false} keeps a fixture out of it. Set it for every project in {@code
   * ~/.m2/settings.xml} (a profile's {@code segment.keep} property); {@code mvn segment:down}
   * removes the kept fixtures of a project.
   *
   * @since 0.2.0
   */
  @Parameter(property = PropertyNames.KEEP)
  protected String keep;

  /** The module's compiled test classes. */
  @Parameter(
      defaultValue = "${project.build.testOutputDirectory}",
      readonly = true,
      required = true)
  protected File testClassesDirectory;

  /** The parameters as plain values, the manifest unread and no test runtime. */
  protected RunInputs inputs() {
    return new RunInputs(
        project.getId(),
        project.getArtifactId(),
        project.getBasedir().toPath(),
        manifest.toPath(),
        ManifestProperties.of(project, session),
        reportsDirectory.toPath(),
        Path.of(project.getBuild().getDirectory(), "segment-work"),
        testClassesDirectory.toPath(),
        historyFile.toPath(),
        Path.of(session.getExecutionRootDirectory()),
        project.getTestCompileSourceRoots().stream().map(Path::of).toList(),
        new RunInputs.Selection(
            segments,
            changedSince,
            test,
            groups,
            excludedGroups,
            shard,
            provider,
            Optional.ofNullable(parallel),
            runOrder,
            keep),
        options(),
        Optional.empty(),
        Optional.empty(),
        judges());
  }

  /** The run's switches; a plan's are the defaults, but for failFast, which orders the segments. */
  protected RunInputs.Options options() {
    return RunInputs.Options.defaults(failFast);
  }

  /** Whether the goal fails the build on a failed segment. */
  protected boolean judges() {
    return false;
  }
}
