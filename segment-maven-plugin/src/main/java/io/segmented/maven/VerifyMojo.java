package io.segmented.maven;

import io.segmented.results.ResultsFiles;
import io.segmented.results.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Fails the build when the segments recorded by {@code segment:integration-test} failed, naming
 * each failed segment, test class and test.
 *
 * @since 0.1.0
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyMojo extends AbstractSegmentMojo {

  @Override
  protected void executeWithManifest() throws MojoExecutionException, MojoFailureException {
    if (!Files.isRegularFile(reportsDirectory.toPath().resolve(ResultsFiles.RESULTS_FILE))) {
      throw new MojoExecutionException(
          "No results in "
              + reportsDirectory
              + " although the module has segments. Bind segment:integration-test to the build, or run"
              + " segment:run");
    }
    RunResult result;
    try {
      result = ResultsFiles.read(reportsDirectory.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException(
          "cannot read the results in " + reportsDirectory + ": " + e.getMessage(), e);
    }
    Verdict.check(result, reportsDirectory, failOnFlaky);
  }
}
