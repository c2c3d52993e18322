package io.segmented.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** segment:validate warns when failsafe, bound beside the plugin, would run the same classes. */
class ValidateDoubleRunTest {

  @TempDir Path dir;

  private final List<String> warnings = new ArrayList<>();

  private ValidateMojo mojo(boolean segmentsBound) throws Exception {
    Files.writeString(
        dir.resolve("segments.yaml"),
        """
        version: 1
        segments:
          db:
            boundary:
              between: [db, postgres]
              tests: {classes: ["it.shop.db.*IT"]}
            fixtures: []
        """);
    Path classes = dir.resolve("target/test-classes/it/shop/db");
    Files.createDirectories(classes);
    Files.write(classes.resolve("OrdersIT.class"), new byte[0]);
    MavenProject project =
        FailsafeModelTest.project("<configuration/>", null, null, "integration-test");
    project.setFile(dir.resolve("pom.xml").toFile());
    Plugin segments = new Plugin();
    segments.setGroupId("io.segmented");
    segments.setArtifactId("segment-maven-plugin");
    if (segmentsBound) {
      PluginExecution execution = new PluginExecution();
      execution.setGoals(List.of("integration-test", "verify"));
      segments.addExecution(execution);
    }
    project.getBuild().addPlugin(segments);
    PluginDescriptor descriptor = new PluginDescriptor();
    descriptor.setGroupId("io.segmented");
    descriptor.setArtifactId("segment-maven-plugin");
    ValidateMojo mojo = new ValidateMojo();
    mojo.setLog(
        new SystemStreamLog() {
          @Override
          public void info(CharSequence content) {}

          @Override
          public void warn(CharSequence content) {
            warnings.add(content.toString());
          }
        });
    mojo.project = project;
    mojo.plugin = descriptor;
    mojo.manifest = dir.resolve("segments.yaml").toFile();
    mojo.testClassesDirectory = dir.resolve("target/test-classes").toFile();
    return mojo;
  }

  @Test
  void warnsWhenBothAreBound() throws Exception {
    mojo(true).execute();
    assertEquals(
        List.of(
            "segments.yaml: maven-failsafe-plugin is bound too and runs 1 class that segments select"
                + " (it.shop.db.OrdersIT), so `mvn verify` runs it twice. Remove failsafe's"
                + " <execution>, set <skipITs>true</skipITs> in its <configuration>, or exclude these"
                + " classes in its <excludes>"),
        warnings);
  }

  @Test
  void saysNothingWhileOnlyFailsafeIsBound() throws Exception {
    mojo(false).execute();
    assertEquals(List.of(), warnings);
  }
}
