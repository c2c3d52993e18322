package io.segmented.maven;

import io.segmented.engine.InputException;
import io.segmented.engine.PropertyNames;
import io.segmented.engine.adopt.DraftYaml;
import io.segmented.engine.adopt.FailsafeConfig;
import io.segmented.engine.adopt.InitMode;
import io.segmented.engine.adopt.ManifestDraft;
import io.segmented.engine.adopt.TestScan;
import io.segmented.manifest.ManifestLoader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Writes a first {@code segments.yaml} for a module that runs its integration tests with failsafe
 * and has no manifest yet: failsafe's configuration ({@code systemPropertyVariables}, {@code
 * environmentVariables}, {@code argLine}, JUnit configuration parameters, includes, excludes,
 * groups) carried into the manifest, the integration test classes in one segment per package (or
 * one, with {@code -Dsegment.init=single}), and the container images the tests name offered as
 * commented fixtures. Compiles the tests first. Never overwrites a manifest; {@code
 * -Dsegment.dryRun} prints what it would write.
 *
 * @since 0.1.0
 */
@Mojo(name = "init", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public final class InitMojo extends AbstractEngineMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /**
   * The manifest to write.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = PropertyNames.MANIFEST,
      defaultValue = "${project.basedir}/" + ManifestLoader.FILE_NAME)
  File manifest;

  /**
   * How to group the integration tests: {@code package} (one segment per package, named after it)
   * or {@code single} (one segment, {@code legacy}, for all of them).
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.INIT, defaultValue = "package")
  String init;

  /**
   * Prints the manifest instead of writing it; also when one exists already.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.DRY_RUN, defaultValue = "false")
  boolean dryRun;

  /** The module's compiled test classes, which the manifest's segments select. */
  @Parameter(
      defaultValue = "${project.build.testOutputDirectory}",
      readonly = true,
      required = true)
  File testClassesDirectory;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    engineJars();
    WithEngine.init(this);
  }

  private MojoFailureException exists() {
    return new MojoFailureException(
        manifest
            + " exists already, and segment:init never overwrites a manifest. Run it with -D"
            + PropertyNames.DRY_RUN
            + " to print what it would write, or move the file away and run it again");
  }

  /** The goal's work with the engine's types, which its Mojo's class must not name (EngineJars). */
  private static final class WithEngine {

    static void init(InitMojo mojo) throws MojoExecutionException, MojoFailureException {
      if (Files.exists(mojo.manifest.toPath()) && !mojo.dryRun) {
        throw mojo.exists();
      }
      String yaml;
      ManifestDraft draft;
      try {
        InitMode mode = InitMode.parse(mojo.init);
        FailsafeConfig failsafe =
            FailsafeModel.read(
                mojo.project, ManifestProperties.of(mojo.project, mojo.session).keySet());
        draft =
            ManifestDraft.of(
                failsafe,
                TestScan.of(mojo.testClassesDirectory.toPath(), failsafe.patterns()),
                mode);
        yaml = DraftYaml.write(draft);
      } catch (InputException e) {
        throw new MojoFailureException(
            "segment:init wrote no manifest for the tests in "
                + mojo.testClassesDirectory
                + ": "
                + e.getMessage());
      } catch (IOException e) {
        throw new MojoExecutionException(
            "cannot read the compiled tests in "
                + mojo.testClassesDirectory
                + ": "
                + e.getMessage(),
            e);
      }
      if (mojo.dryRun) {
        mojo.getLog()
            .info(
                "segment:init would write " + mojo.manifest + " (" + PropertyNames.DRY_RUN + "):");
        yaml.lines().forEach(l -> mojo.getLog().info(l));
        return;
      }
      try {
        Files.writeString(
            mojo.manifest.toPath(), yaml, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      } catch (FileAlreadyExistsException e) {
        throw mojo.exists();
      } catch (IOException e) {
        throw new MojoExecutionException(
            "cannot write " + mojo.manifest + ": " + e.getMessage(), e);
      }
      mojo.getLog()
          .info(
              "Wrote "
                  + mojo.manifest
                  + ": "
                  + draft.segments().size()
                  + " segment(s) for "
                  + draft.testCount()
                  + " integration test class(es), "
                  + draft.fixtures().size()
                  + " image(s) offered as fixtures. Read its first lines, then run mvn segment:run");
    }
  }
}
