package io.segmented.maven;

import io.segmented.report.ReportsDirectory;
import io.segmented.results.ModuleAggregate;
import io.segmented.results.ResultsFiles;
import io.segmented.results.RunResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenReportException;

/**
 * One segments report for a whole multi-module build, at the root of the reactor: the results of
 * every module's last run ({@code target/segment-reports/segment-results.json}), each segment shown
 * as {@code <module>/<segment>}, with the modules' fixture logs copied in. It goes to {@code
 * target/segment-reports-aggregate/} (results and page, as a module's run writes {@code
 * target/segment-reports/}) and, in {@code mvn site} at the root, under Project Reports as {@code
 * segment-reports-aggregate/index.html}. Modules without results are left out, with one line.
 *
 * <pre>mvn verify segment:report-aggregate</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "report-aggregate", aggregator = true, threadSafe = true)
public final class ReportAggregateMojo extends AbstractSegmentReport {

  @Parameter(defaultValue = "${reactorProjects}", readonly = true)
  private List<MavenProject> reactorProjects;

  /** The folder of the page in the site and in the standalone report's output directory. */
  private static final String FOLDER = "segment-reports-aggregate";

  /**
   * Where the aggregate's results ({@code segment-results.json}), fixture logs and page go.
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "${project.build.directory}/" + FOLDER)
  private File aggregateDirectory;

  private List<ModuleAggregate.Module> modules;

  @Override
  public String getOutputName() {
    return FOLDER + "/index";
  }

  @Override
  public String getName(Locale locale) {
    return "Segments of all modules";
  }

  @Override
  public String getDescription(Locale locale) {
    return "The integration-test segments of every module's last run, in one report, with their"
        + " failures and fixture logs.";
  }

  @Override
  public boolean isExternalReport() {
    return true;
  }

  @Override
  protected boolean canReport() {
    if (!project.isExecutionRoot()) {
      getLog().debug("The aggregate segments report is made at the root of the build only.");
      return false;
    }
    return !modules().isEmpty();
  }

  @Override
  protected void report(Sink sink, Locale locale) throws MavenReportException {
    Path standalone = aggregateDirectory.toPath();
    Path page = getReportOutputDirectory().toPath().resolve(FOLDER);
    WithEngine.report(project.getArtifactId(), modules(), standalone, page, getLog());
  }

  /** The goal's work with the engine's types, which its Mojo's class must not name (EngineJars). */
  private static final class WithEngine {

    /**
     * Aggregates the results of {@code modules} into {@code standalone}, and into {@code page} of
     * the site when that is elsewhere.
     */
    static void report(
        String name, List<ModuleAggregate.Module> modules, Path standalone, Path page, Log log)
        throws MavenReportException {
      RunResult run = aggregateInto(name, modules, standalone);
      if (!page.toAbsolutePath().normalize().equals(standalone.toAbsolutePath().normalize())) {
        aggregateInto(name, modules, page);
      }
      log.info(
          "Aggregate segments report of "
              + modules.size()
              + " module(s), "
              + run.totals().segments()
              + " segment(s), "
              + run.totals().failedSegments()
              + " failed: "
              + page.resolve("index.html").toUri());
    }

    private static RunResult aggregateInto(
        String name, List<ModuleAggregate.Module> modules, Path dir) throws MavenReportException {
      try {
        RunResult run = ModuleAggregate.aggregate(name, modules, dir);
        ReportsDirectory.write(dir, ReportsDirectory.model(dir, run));
        return run;
      } catch (IllegalArgumentException e) {
        throw new MavenReportException(e.getMessage(), e);
      } catch (IOException e) {
        throw new MavenReportException(
            "cannot write the aggregate segments report to " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  /** The modules with results, found once: the site asks more than once. */
  private List<ModuleAggregate.Module> modules() {
    if (modules == null) {
      modules = withResults(reactorProjects, getLog());
    }
    return modules;
  }

  /**
   * The modules of {@code reactor} whose reports directory has results, in build order; says in one
   * line which have none.
   */
  static List<ModuleAggregate.Module> withResults(List<MavenProject> reactor, Log log) {
    List<ModuleAggregate.Module> found = new ArrayList<>();
    List<String> without = new ArrayList<>();
    for (MavenProject p : reactor) {
      Path reports = Path.of(p.getBuild().getDirectory(), "segment-reports");
      if (Files.isRegularFile(reports.resolve(ResultsFiles.RESULTS_FILE))) {
        found.add(new ModuleAggregate.Module(p.getArtifactId(), reports));
      } else {
        without.add(p.getArtifactId());
      }
    }
    if (found.isEmpty()) {
      log.info(
          "No segment results in any of the "
              + reactor.size()
              + " module(s): no aggregate segments report (run mvn verify first)");
    } else if (!without.isEmpty()) {
      log.info(
          "Left out of the aggregate segments report, no target/segment-reports/"
              + ResultsFiles.RESULTS_FILE
              + ": "
              + String.join(", ", without));
    }
    return List.copyOf(found);
  }
}
