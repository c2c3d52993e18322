package io.segmented.maven;

import io.segmented.report.ReportModel;
import io.segmented.report.ReportsDirectory;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/** Writes the HTML report beside the results and says where it is. */
final class ReportWriting {

  private ReportWriting() {}

  static void write(Path reportsDir, ReportModel model, Log log) throws MojoExecutionException {
    try {
      Path page = ReportsDirectory.write(reportsDir, model);
      log.info("Report: " + page.toUri());
    } catch (IOException e) {
      throw new MojoExecutionException(
          "cannot write the HTML report to "
              + reportsDir
              + ": "
              + e.getMessage()
              + ". The results files are there",
          e);
    }
  }
}
