package io.segmented.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The skip flags and the module without a manifest, on the verify goal (which needs no engine). */
class SkipTest {

  @TempDir Path dir;

  private final List<String> lines = new ArrayList<>();

  private VerifyMojo mojo() {
    VerifyMojo mojo = new VerifyMojo();
    mojo.setLog(
        new SystemStreamLog() {
          @Override
          public void info(CharSequence content) {
            lines.add(content.toString());
          }
        });
    MavenProject project = new MavenProject();
    project.setFile(dir.resolve("pom.xml").toFile());
    mojo.project = project;
    mojo.manifest = dir.resolve("segments.yaml").toFile();
    mojo.reportsDirectory = dir.resolve("target/segment-reports").toFile();
    return mojo;
  }

  @Test
  void saysWhichFlagSkipped() throws Exception {
    VerifyMojo skipITs = mojo();
    skipITs.skipITs = true;
    skipITs.execute();
    VerifyMojo segmentSkip = mojo();
    segmentSkip.skip = true;
    segmentSkip.skipITs = true;
    segmentSkip.execute();
    VerifyMojo testSkip = mojo();
    testSkip.mavenTestSkip = true;
    testSkip.execute();
    VerifyMojo skipTests = mojo();
    skipTests.skipTests = true;
    skipTests.execute();

    assertEquals(
        List.of(
            "Segments are skipped (skipITs=true).",
            "Segments are skipped (segment.skip=true).",
            "Segments are skipped (maven.test.skip=true).",
            "Segments are skipped (skipTests=true)."),
        lines);
  }

  @Test
  void aModuleWithoutManifestIsSkippedWithOneLine() throws Exception {
    mojo().execute();
    assertEquals(List.of("No segments.yaml in " + dir + ": no segments to run."), lines);
  }

  @Test
  void aModuleWithManifestButNoResultsIsAnError() throws Exception {
    VerifyMojo mojo = mojo();
    Files.writeString(dir.resolve("segments.yaml"), "version: 1\n");
    org.apache.maven.plugin.MojoExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.apache.maven.plugin.MojoExecutionException.class, mojo::execute);
    assertEquals(
        "No results in "
            + new File(dir.toFile(), "target/segment-reports")
            + " although the module has segments. Bind segment:integration-test to the build, or run segment:run",
        e.getMessage());
  }
}
