package io.segmented.maven;

import io.segmented.engine.PropertyNames;
import io.segmented.manifest.ManifestLoader;
import io.segmented.manifest.Problem;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every segment goal shares: the skip flags, failsafe-style, and the module's manifest. A
 * module without a manifest is skipped with one line (none for a goal that only prepares another,
 * {@link #announces}).
 */
abstract class AbstractSegmentMojo extends AbstractEngineMojo {

  /** The module. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  /**
   * Makes a FLAKY segment (a test failed, then passed on one of the segment's {@code retries}) fail
   * the build, as a FAILED one does. By default a flaky test is reported, with every attempt, and
   * the build passes.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.FAIL_ON_FLAKY, defaultValue = "false")
  protected boolean failOnFlaky;

  /**
   * Skips the plugin's goals in this module.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
  protected boolean skip;

  /**
   * Skips integration tests, as failsafe does.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.SKIP_ITS, defaultValue = "false")
  protected boolean skipITs;

  /**
   * Skips all tests, as surefire and failsafe do.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.SKIP_TESTS, defaultValue = "false")
  protected boolean skipTests;

  /**
   * Skips compiling and running tests, as surefire and failsafe do.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.MAVEN_TEST_SKIP, defaultValue = "false")
  protected boolean mavenTestSkip;

  /**
   * The manifest that declares the module's segments.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = PropertyNames.MANIFEST,
      defaultValue = "${project.basedir}/" + ManifestLoader.FILE_NAME)
  protected File manifest;

  /**
   * Where results go: {@code segment-results.json}, JUnit XML and fixture logs.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = PropertyNames.REPORTS_DIRECTORY,
      defaultValue = "${project.build.directory}/segment-reports")
  protected File reportsDirectory;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    Optional<String> skippedBy = skippedBy();
    if (skippedBy.isPresent()) {
      if (announces()) {
        getLog().info("Segments are skipped (" + skippedBy.get() + ").");
      }
      return;
    }
    if (!Files.isRegularFile(manifest.toPath())) {
      if (announces()) {
        getLog()
            .info(
                "No "
                    + manifest.getName()
                    + " in "
                    + project.getBasedir()
                    + ": no segments to run.");
      }
      return;
    }
    if (needsEngine()) {
      engineJars();
    }
    executeWithManifest();
  }

  /** Whether the goal uses the engine in this build: its jars then join the plugin's realm. */
  protected boolean needsEngine() {
    return true;
  }

  /**
   * Whether the goal says that it skips, or that the module has no manifest; a goal that only
   * prepares another one leaves that to it.
   */
  protected boolean announces() {
    return true;
  }

  /** Runs the goal; the module has a manifest and nothing asked to skip. */
  protected abstract void executeWithManifest() throws MojoExecutionException, MojoFailureException;

  private Optional<String> skippedBy() {
    if (skip) {
      return Optional.of(PropertyNames.SKIP + "=true");
    }
    if (mavenTestSkip) {
      return Optional.of(PropertyNames.MAVEN_TEST_SKIP + "=true");
    }
    if (skipTests) {
      return Optional.of(PropertyNames.SKIP_TESTS + "=true");
    }
    if (skipITs) {
      return Optional.of(PropertyNames.SKIP_ITS + "=true");
    }
    return Optional.empty();
  }

  /** The summary and annotations of a build on GitHub Actions; nothing elsewhere. */
  protected GitHubOutput gitHub() {
    return GitHubOutput.of(getLog(), Path.of(session.getExecutionRootDirectory()));
  }

  /**
   * Logs the manifest's warnings (a {@code ${...}} nothing resolves) at WARN, each with its line
   * and column, as the problems are.
   */
  protected void logWarnings(List<Problem> warnings) {
    // a loop, not a lambda: the lambda's method would take a Problem, which Maven's realm cannot
    // load before the engine's jars join it (EngineJars)
    for (Problem warning : warnings) {
      getLog().warn(warning.format());
    }
  }
}
