package io.segmented.maven;

import io.segmented.engine.result.ResultsFiles;
import io.segmented.report.ReportsDirectory;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Renders {@code index.html} from the results files of an earlier run alone ({@code
 * segment-results.json} and the fixture logs), without running anything. {@code segment:run} and
 * {@code segment:integration-test} write it too.
 *
 * @since 0.1.0
 */
@Mojo(name = "report", threadSafe = true)
public final class ReportMojo extends AbstractSegmentMojo {

  @Override
  protected void executeWithManifest() throws MojoExecutionException, MojoFailureException {
    if (!Files.isRegularFile(reportsDirectory.toPath().resolve(ResultsFiles.RESULTS_FILE))) {
      throw new MojoFailureException(
          "No results in "
              + reportsDirectory
              + " to report on. Run segment:run (or mvn verify) first");
    }
    try {
      ReportWriting.write(
          reportsDirectory.toPath(), ReportsDirectory.read(reportsDirectory.toPath()), getLog());
    } catch (IOException e) {
      throw new MojoExecutionException(
          "cannot read the results in " + reportsDirectory + ": " + e.getMessage(), e);
    }
  }
}
