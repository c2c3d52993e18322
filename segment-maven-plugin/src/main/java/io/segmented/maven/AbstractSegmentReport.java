package io.segmented.maven;

import java.io.File;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * A report of {@code mvn site} (under Project Reports) that also runs alone. It implements Maven's
 * report interface itself rather than extending {@code maven-reporting-impl}'s base class: that
 * library brings the site renderer (Doxia's renderer, Velocity, the archiver: some 35 jars) into
 * the plugin's class realm, and Maven resolves and indexes the realm of every build that uses the
 * plugin, {@code segment:run} first, for about 0.4 s. The site lends its own sink; run alone, the
 * report writes its page(s) without the site's skin.
 */
abstract class AbstractSegmentReport extends AbstractEngineMojo implements MavenReport {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  /**
   * Where the report goes when its goal runs alone; {@code mvn site} writes it into the site.
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "${project.build.directory}/reports", required = true)
  private File outputDirectory;

  /** The site's directory, once the site sets it; {@link #outputDirectory} until then. */
  private File reportOutputDirectory;

  @Override
  public final String getCategoryName() {
    return CATEGORY_PROJECT_REPORTS;
  }

  @Override
  public final void setReportOutputDirectory(File directory) {
    this.reportOutputDirectory = directory;
  }

  @Override
  public final File getReportOutputDirectory() {
    return reportOutputDirectory == null ? outputDirectory : reportOutputDirectory;
  }

  @Override
  public boolean isExternalReport() {
    return false;
  }

  /**
   * Whether there is something to report; the site asks before {@link #generate}. The engine's jars
   * have joined the plugin's realm.
   */
  protected abstract boolean canReport();

  @Override
  public final boolean canGenerateReport() throws MavenReportException {
    joinEngine();
    return canReport();
  }

  /** Run alone: the report's own pages, without the site's summary. */
  @Override
  public final void execute() throws MojoExecutionException {
    try {
      if (canGenerateReport()) {
        report(null, Locale.ROOT);
      }
    } catch (MavenReportException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /**
   * In the site, which has asked {@link #canGenerateReport()} first: the report's own pages, and
   * its page inside the site's skin through {@code sink}.
   */
  @Override
  public final void generate(Sink sink, Locale locale) throws MavenReportException {
    joinEngine();
    report(sink, locale);
  }

  private void joinEngine() throws MavenReportException {
    try {
      engineJars();
    } catch (MojoExecutionException e) {
      throw new MavenReportException(e.getMessage(), e);
    }
  }

  /**
   * Writes the report's own pages into {@link #getReportOutputDirectory()}, and draws its page
   * inside the site's skin through {@code sink}, which is {@code null} when the goal runs alone (an
   * external report leaves it alone).
   */
  protected abstract void report(Sink sink, Locale locale) throws MavenReportException;
}
