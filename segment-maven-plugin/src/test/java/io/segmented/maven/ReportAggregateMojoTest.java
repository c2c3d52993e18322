package io.segmented.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmented.results.ModuleAggregate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which modules of the reactor the aggregate report takes, and the one line about the others. */
class ReportAggregateMojoTest {

  @TempDir Path dir;

  private final List<String> lines = new ArrayList<>();

  private final SystemStreamLog log =
      new SystemStreamLog() {
        @Override
        public void info(CharSequence content) {
          lines.add(content.toString());
        }
      };

  @Test
  void takesTheModulesWithResultsAndNamesTheOthersInOneLine() throws Exception {
    MavenProject root = module("shop", false);
    MavenProject orders = module("orders", true);
    MavenProject docs = module("docs", false);
    MavenProject billing = module("billing", true);

    List<ModuleAggregate.Module> found =
        ReportAggregateMojo.withResults(List.of(root, orders, docs, billing), log);

    assertEquals(
        List.of(
            new ModuleAggregate.Module("orders", reports("orders")),
            new ModuleAggregate.Module("billing", reports("billing"))),
        found);
    assertEquals(
        List.of(
            "Left out of the aggregate segments report, no"
                + " target/segment-reports/segment-results.json: shop, docs"),
        lines);
  }

  @Test
  void noModuleWithResultsMakesNoReport() throws Exception {
    List<ModuleAggregate.Module> found =
        ReportAggregateMojo.withResults(List.of(module("shop", false), module("docs", false)), log);

    assertEquals(List.of(), found);
    assertEquals(
        List.of(
            "No segment results in any of the 2 module(s): no aggregate segments report (run mvn"
                + " verify first)"),
        lines);
  }

  private Path reports(String name) {
    return dir.resolve(name).resolve("target/segment-reports");
  }

  private MavenProject module(String name, boolean results) throws IOException {
    MavenProject p = new MavenProject();
    p.setArtifactId(name);
    p.getBuild().setDirectory(dir.resolve(name).resolve("target").toString());
    if (results) {
      Files.createDirectories(reports(name));
      Files.writeString(reports(name).resolve("segment-results.json"), "{}");
    }
    return p;
  }
}
