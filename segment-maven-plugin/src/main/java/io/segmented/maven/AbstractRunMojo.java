package io.segmented.maven;

import io.segmented.engine.EngineException;
import io.segmented.engine.RunRequest;
import io.segmented.engine.SegmentEngine;
import io.segmented.engine.TestRuntime;
import io.segmented.engine.UnsupportedManifestException;
import io.segmented.engine.plan.RunOrder;
import io.segmented.engine.plan.Selection;
import io.segmented.engine.plan.Shard;
import io.segmented.engine.plan.TestFilter;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.Provider;
import io.segmented.report.ReportsDirectory;
import io.segmented.results.RunResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * Runs the module's segments: Maven parameters become one {@link RunRequest}, the engine runs it,
 * and its events become log lines. Subclasses decide when a failed run fails the build.
 */
abstract class AbstractRunMojo extends AbstractSegmentMojo {

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  protected PluginDescriptor plugin;

  /**
   * Provides every fixture whose kind has a choice ({@code postgres}) this way for the whole run:
   * {@code embedded} (no Docker), {@code container} or {@code auto}. Kinds that only run in
   * containers are not affected.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.PROVIDER)
  protected String provider;

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
   * Stops starting new segments once one has failed; the segments not started are reported SKIPPED.
   * Segments already running finish.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.FAIL_FAST, defaultValue = "false")
  protected boolean failFast;

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
   * The file that keeps each segment's last 20 outcomes and durations: shards are balanced by them
   * and the report shows each segment's recent failure rate. Point it outside {@code target} (and
   * cache it in CI) to keep it across clean builds.
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
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.IT_TEST)
  protected String test;

  /**
   * With {@code -Dit.test}, fail the build when no test ran (and no segment failed), as failsafe
   * does. Not judged in a sharded run.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.FAIL_IF_NO_SPECIFIED_TESTS, defaultValue = "true")
  protected boolean failIfNoSpecifiedTests;

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

  /** The module's compiled test classes. */
  @Parameter(
      defaultValue = "${project.build.testOutputDirectory}",
      readonly = true,
      required = true)
  protected File testClassesDirectory;

  private final RepositorySystem repositorySystem;

  @Inject
  AbstractRunMojo(RepositorySystem repositorySystem) {
    this.repositorySystem = repositorySystem;
  }

  /** {@code -Dsegment.provider}, checked. */
  static Optional<Provider> providerOverride(String provider) throws MojoFailureException {
    if (provider == null || provider.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Provider.valueOf(provider.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(
          "-D"
              + PropertyNames.PROVIDER
              + "="
              + provider
              + " is not a provider. Use embedded, container or auto");
    }
  }

  /** Loads the manifest and runs every segment; returns the results, already written to disk. */
  protected RunResult runSegments() throws MojoExecutionException, MojoFailureException {
    TestcontainersLogging.quiet(getLog());
    Manifest loaded = loadManifest();
    TestRuntime runtime =
        new TestClasspath(project, session, plugin, repositorySystem)
            .runtime(testClassesDirectory.toPath());
    TestFilter filter = testFilter();
    Selection before =
        ChangedSince.narrow(
            Selection.parse(segments),
            changedSince,
            loaded,
            project.getBasedir().toPath(),
            getLog());
    Selection selection;
    try {
      selection = filter.narrow(before, loaded, testClassesDirectory.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException(
          "cannot read the test classes in " + testClassesDirectory + ": " + e.getMessage(), e);
    }
    RunRequest request =
        new RunRequest(
            project.getArtifactId(),
            project.getBasedir().toPath(),
            loaded,
            runtime,
            reportsDirectory.toPath(),
            Path.of(project.getBuild().getDirectory(), "segment-work"),
            providerOverride(provider),
            selection,
            failFast,
            parallel == null ? RunRequest.defaultParallelism() : parallel,
            shard(),
            historyFile.toPath(),
            runOrder(),
            filter);
    RunResult result;
    try {
      result =
          new SegmentEngine()
              .run(
                  request,
                  new MavenLogListener(
                      getLog(), project.getBasedir().toPath(), reportsDirectory.toPath()));
    } catch (EngineException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (UnsupportedManifestException e) {
      throw new MojoFailureException(manifest + ": " + e.getMessage(), e);
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
    ReportWriting.write(
        reportsDirectory.toPath(),
        ReportsDirectory.model(reportsDirectory.toPath(), result),
        getLog());
    if (noSpecifiedTestRan(filter, before, loaded, request.shard().isPresent(), result)) {
      throw new MojoFailureException(
          "No tests matching "
              + filter.describe()
              + " were executed in any segment! (Set -D"
              + PropertyNames.FAIL_IF_NO_SPECIFIED_TESTS
              + "=false to ignore this error.)");
    }
    return result;
  }

  /**
   * failsafe's {@code failIfNoSpecifiedTests}: {@code -Dit.test} was given, something was selected
   * for it to narrow, and no test ran, without a segment failure to explain why. A shard may well
   * hold none of the tests, so a sharded run is not judged.
   */
  private boolean noSpecifiedTestRan(
      TestFilter filter, Selection before, Manifest loaded, boolean sharded, RunResult result) {
    return failIfNoSpecifiedTests
        && !filter.patterns().isEmpty()
        && !sharded
        && loaded.segments().values().stream().anyMatch(before::selects)
        && result.totals().tests() == 0
        && result.segments().stream().noneMatch(s -> s.outcome().failsBuild());
  }

  private TestFilter testFilter() throws MojoFailureException {
    try {
      return TestFilter.parse(test, groups, excludedGroups);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }

  private RunOrder runOrder() throws MojoExecutionException {
    try {
      return RunOrder.parse(runOrder);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  private Optional<Shard> shard() throws MojoExecutionException {
    return parseShard(shard);
  }

  /** {@code -Dsegment.shard}, checked; empty when not given. */
  static Optional<Shard> parseShard(String shard) throws MojoExecutionException {
    if (shard == null || shard.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Shard.parse(shard));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }
}
