package io.segmented.maven;

import io.segmented.engine.PropertyNames;
import io.segmented.report.HtmlReport;
import io.segmented.report.ReportModel;
import io.segmented.report.ReportsDirectory;
import io.segmented.results.ResultsFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReportException;

/**
 * The segments report of {@code mvn site} (under Project Reports), from {@code
 * segment-results.json} and the fixture logs alone: a summary inside the site's skin, {@code
 * segments.html} (a row per boundary with its outcome, counts, time and a link to each segment),
 * and the full report beside it, {@code segment-reports/index.html} (timeline, boundary graph,
 * failures, fixture logs copied beside it). Run alone, {@code mvn segment:report} writes the full
 * report to {@code target/reports/segment-reports/}. A module without results is left out of the
 * site with one line.
 *
 * @since 0.1.0
 */
@Mojo(name = "report", threadSafe = true)
public final class ReportMojo extends AbstractSegmentReport {

  /** The folder of the full report, beside the summary page. */
  private static final String FOLDER = "segment-reports";

  /** Where the run wrote its results. */
  @Parameter(
      property = PropertyNames.REPORTS_DIRECTORY,
      defaultValue = "${project.build.directory}/segment-reports")
  private File reportsDirectory;

  @Override
  public String getOutputName() {
    return "segments";
  }

  @Override
  public String getName(Locale locale) {
    return "Segments";
  }

  @Override
  public String getDescription(Locale locale) {
    return "The integration-test segments of the last run, by boundary, with their failures and fixture logs.";
  }

  @Override
  protected boolean canReport() {
    boolean results =
        Files.isRegularFile(reportsDirectory.toPath().resolve(ResultsFiles.RESULTS_FILE));
    if (!results) {
      getLog()
          .info(
              "No segment results in "
                  + reportsDirectory
                  + ": no segments report (run mvn verify first)");
    }
    return results;
  }

  @Override
  protected void report(Sink sink, Locale locale) throws MavenReportException {
    Path target = getReportOutputDirectory().toPath().resolve(FOLDER);
    try {
      copyLogs(reportsDirectory.toPath().resolve("logs"), target.resolve("logs"));
      ReportModel model = ReportsDirectory.read(reportsDirectory.toPath());
      Path page = ReportsDirectory.write(target, model);
      if (sink != null) {
        new SiteSummary(sink, model.run(), FOLDER + "/" + HtmlReport.INDEX, getName(locale))
            .render();
      }
      getLog().info("Segments report: " + page.toUri());
    } catch (IOException e) {
      throw new MavenReportException(
          "cannot write the segments report to " + target + ": " + e.getMessage(), e);
    }
  }

  /** The page links to each fixture's full log: the logs go beside it. */
  private static void copyLogs(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (var files = Files.walk(from)) {
      // a link in the logs could point anywhere: what it names is not published
      // nor the earlier run's logs a run started ahead set aside (logs/.earlier)
      for (Path f :
          files
              .filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
              .filter(f -> !from.relativize(f).startsWith(ResultsFiles.EARLIER_LOGS))
              .toList()) {
        Path copy = to.resolve(from.relativize(f).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(f, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
