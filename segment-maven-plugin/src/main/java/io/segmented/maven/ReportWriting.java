package io.segmented.maven;

import io.segmented.report.ReportModel;
import io.segmented.report.ReportsDirectory;
import io.segmented.results.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
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

  /**
   * Writes a run's report as soon as its results are written ({@link
   * io.segmented.engine.RunListener#runFinished}), on the run's thread: a build that Ctrl-C stopped
   * waits for that, so its report is of the run it stopped, as its results are. What went wrong is
   * thrown by {@link #check} once the run has returned.
   */
  static final class OfTheRun implements Consumer<RunResult> {

    private final Path reportsDir;
    private final Log log;
    private volatile MojoExecutionException failed;

    OfTheRun(Path reportsDir, Log log) {
      this.reportsDir = reportsDir;
      this.log = log;
    }

    @Override
    public void accept(RunResult result) {
      try {
        write(reportsDir, ReportsDirectory.model(reportsDir, result), log);
      } catch (MojoExecutionException e) {
        failed = e;
      } catch (RuntimeException | LinkageError e) {
        failed =
            new MojoExecutionException(
                "cannot write the HTML report to "
                    + reportsDir
                    + ": "
                    + e
                    + ". The results files are there",
                e);
      }
      if (failed != null) {
        // said now as well: a build that Ctrl-C stopped never gets to check()
        log.warn(failed.getMessage());
      }
    }

    /** Throws what went wrong writing the report, if anything did. */
    void check() throws MojoExecutionException {
      if (failed != null) {
        throw failed;
      }
    }
  }
}
