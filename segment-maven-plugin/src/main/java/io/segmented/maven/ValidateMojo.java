package io.segmented.maven;

import io.segmented.engine.PropertyNames;
import io.segmented.engine.adopt.FailsafeOverlap;
import io.segmented.engine.fixture.Kinds;
import io.segmented.engine.fork.CompiledTests;
import io.segmented.engine.lint.ManifestLint;
import io.segmented.manifest.DataScope;
import io.segmented.manifest.FixtureSpec;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.SegmentSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reads and checks the module's manifest, prints its segments (boundary, test selectors, fixtures
 * with kind and provider, data scopes) and, when the tests are compiled, lints it against them. It
 * also warns when failsafe is bound beside the plugin's {@code integration-test} and would run
 * classes that segments select, so that {@code mvn verify} runs them twice. Fails on any manifest
 * problem; lint findings are warnings unless {@code segment.strict} is set.
 *
 * @since 0.1.0
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class ValidateMojo extends AbstractSegmentMojo {

  /**
   * Makes lint findings (tests in no segment, classes in two, segments with no class, unused
   * fixtures, classes that failsafe runs too) fail the build.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.STRICT, defaultValue = "false")
  boolean strict;

  /** The module's compiled test classes, linted against the manifest when present. */
  @Parameter(
      defaultValue = "${project.build.testOutputDirectory}",
      readonly = true,
      required = true)
  File testClassesDirectory;

  @Override
  protected void executeWithManifest() throws MojoExecutionException, MojoFailureException {
    WithEngine.validate(this);
  }

  /** The goal's work with the engine's types, which its Mojo's class must not name (EngineJars). */
  private static final class WithEngine {

    static void validate(ValidateMojo mojo) throws MojoExecutionException, MojoFailureException {
      Manifest loaded = RunGoal.loadManifest(mojo);
      mojo.logWarnings(loaded.warnings());
      mojo.getLog()
          .info(
              mojo.manifest.getName()
                  + ": "
                  + loaded.segments().size()
                  + " segment(s), "
                  + loaded.fixtures().size()
                  + " fixture(s)");
      for (SegmentSpec s : loaded.segments().values()) {
        mojo.getLog()
            .info(
                "  "
                    + s.id()
                    + "  "
                    + s.boundary().label()
                    + (s.description().isEmpty() ? "" : "  \"" + s.description() + "\""));
        mojo.getLog().info("    tests:    " + s.boundary().tests().describe());
        mojo.getLog()
            .info(
                "    fixtures: "
                    + (s.fixtureIds().isEmpty()
                        ? "none"
                        : s.fixtureIds().stream()
                            .map(id -> describe(loaded.fixture(id)))
                            .collect(Collectors.joining(", "))));
        if (!s.data().isEmpty()) {
          mojo.getLog()
              .info(
                  "    data:     "
                      + s.data().values().stream()
                          .map(WithEngine::describe)
                          .collect(Collectors.joining(", ")));
        }
      }
      if (!Files.isDirectory(mojo.testClassesDirectory.toPath())) {
        mojo.getLog()
            .info(
                "Lint skipped: no compiled test classes in "
                    + mojo.testClassesDirectory
                    + " (run after test-compile to lint)");
        return;
      }
      List<String> findings;
      List<String> classes;
      try {
        findings = new ArrayList<>(ManifestLint.check(loaded, mojo.testClassesDirectory.toPath()));
        classes = CompiledTests.list(mojo.testClassesDirectory.toPath());
      } catch (IOException e) {
        throw new MojoExecutionException(
            "cannot read the test classes in " + mojo.testClassesDirectory + ": " + e.getMessage(),
            e);
      }
      FailsafeOverlap.check(
              FailsafeModel.read(mojo.project, Set.of()),
              FailsafeModel.binds(
                  mojo.project, mojo.plugin.getPluginLookupKey(), FailsafeModel.INTEGRATION_TEST),
              loaded,
              classes)
          .ifPresent(findings::add);
      findings.forEach(f -> mojo.getLog().warn(mojo.manifest.getName() + ": " + f));
      if (mojo.strict && !findings.isEmpty()) {
        throw new MojoFailureException(
            findings.size()
                + " lint finding(s) in "
                + mojo.manifest
                + " and "
                + PropertyNames.STRICT
                + "=true:\n  "
                + String.join("\n  ", findings));
      }
      if (findings.isEmpty()) {
        mojo.getLog()
            .info(
                "Lint: every integration test belongs to exactly one segment, every fixture is used");
      }
    }

    private static String describe(FixtureSpec f) {
      return f.id() + " (" + f.kind().key() + ", " + Kinds.of(f.kind()).declaredProvider() + ")";
    }

    private static String describe(DataScope d) {
      return d.fixtureId()
          + " (scope "
          + d.scope().name().toLowerCase(Locale.ROOT)
          + (d.seed().isEmpty() ? "" : ", " + d.seed().size() + " seed file(s)")
          + ")";
    }
  }
}
