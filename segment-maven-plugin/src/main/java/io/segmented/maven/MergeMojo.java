package io.segmented.maven;

import io.segmented.engine.PropertyNames;
import io.segmented.report.ReportsDirectory;
import io.segmented.results.ResultsMerge;
import io.segmented.results.RunResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Merges the reports directories of the CI jobs that ran a module's shards ({@code
 * -Dsegment.shard=i/n}) into the module's reports directory: one {@code segment-results.json}, the
 * JUnit XML and logs of every segment from the job where it ran, and one HTML report. Fails the
 * build, as {@code segment:verify} does, when a merged segment failed.
 *
 * <pre>mvn segment:merge -Dsegment.mergeFrom=shard-1,shard-2,shard-3</pre>
 *
 * <pre>mvn segment:merge -Dsegment.mergeFrom=shards/*</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "merge", threadSafe = true)
public final class MergeMojo extends AbstractSegmentMojo {

  /**
   * The reports directories to merge, comma-separated, relative to the module directory: each one a
   * shard's {@code target/segment-reports} as the CI job left it. The last part of an entry may be
   * a glob: {@code shards/*} is every directory in {@code shards}, in name order.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.MERGE_FROM, required = true)
  String mergeFrom;

  @Override
  protected void executeWithManifest() throws MojoExecutionException, MojoFailureException {
    List<Path> sources = new ArrayList<>();
    for (String dir : mergeFrom.split(",")) {
      if (!dir.isBlank()) {
        sources.addAll(expand(project.getBasedir().toPath(), dir.trim()));
      }
    }
    if (sources.isEmpty()) {
      throw new MojoFailureException(
          "-D"
              + PropertyNames.MERGE_FROM
              + " names no directory: give the shards' reports directories");
    }
    Path target = reportsDirectory.toPath();
    RunResult merged;
    try {
      merged = ResultsMerge.merge(sources, target);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "cannot merge " + sources + " into " + target + ": " + e.getMessage(), e);
    }
    getLog()
        .info(
            "Merged "
                + sources.size()
                + " reports directories: "
                + merged.segments().size()
                + " segment(s), "
                + merged.totals().failedSegments()
                + " failed");
    ReportWriting.write(target, ReportsDirectory.model(target, merged), getLog());
    Verdict.check(merged, new File(target.toString()), failOnFlaky);
  }

  /** {@code entry} under {@code base}; its last part may be a glob over the directories there. */
  private static List<Path> expand(Path base, String entry)
      throws MojoExecutionException, MojoFailureException {
    Path path = base.resolve(entry);
    String last = path.getFileName().toString();
    if (!last.contains("*") && !last.contains("?")) {
      return List.of(path);
    }
    PathMatcher matcher = path.getFileSystem().getPathMatcher("glob:" + last);
    List<Path> found;
    try (Stream<Path> dirs = Files.list(path.getParent())) {
      found =
          dirs.filter(Files::isDirectory)
              .filter(d -> matcher.matches(d.getFileName()))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new MojoExecutionException(
          "cannot list " + path.getParent() + ": " + e.getMessage(), e);
    }
    if (found.isEmpty()) {
      throw new MojoFailureException(
          "-D"
              + PropertyNames.MERGE_FROM
              + "="
              + entry
              + " matches no directory in "
              + path.getParent());
    }
    return found;
  }
}
