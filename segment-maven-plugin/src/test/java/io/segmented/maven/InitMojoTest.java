package io.segmented.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** segment:init on a module with failsafe's configuration and two compiled integration tests. */
class InitMojoTest {

  @TempDir Path dir;

  private final List<String> lines = new ArrayList<>();
  private Path classes;

  @BeforeEach
  void compileTests() throws Exception {
    Path src = dir.resolve("src/it/shop/OrdersIT.java");
    Files.createDirectories(src.getParent());
    Files.writeString(
        src, "package it.shop; public class OrdersIT { String image = \"postgres:16-alpine\"; }");
    classes = dir.resolve("target/test-classes");
    Files.createDirectories(classes);
    assertEquals(
        0,
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), src.toString()));
  }

  private InitMojo mojo() {
    InitMojo mojo = new InitMojo();
    mojo.setLog(
        new SystemStreamLog() {
          @Override
          public void info(CharSequence content) {
            lines.add(content.toString());
          }
        });
    MavenProject project =
        FailsafeModelTest.project(
            """
            <configuration>
              <systemPropertyVariables><shop.region>eu-west</shop.region></systemPropertyVariables>
            </configuration>
            """,
            null,
            null,
            "integration-test");
    project.setFile(dir.resolve("pom.xml").toFile());
    project.getBuild().setDirectory(dir.resolve("target").toString());
    mojo.project = project;
    mojo.manifest = dir.resolve("segments.yaml").toFile();
    mojo.testClassesDirectory = classes.toFile();
    mojo.init = "package";
    return mojo;
  }

  @Test
  void writesTheManifestAndSaysWhatToDoNext() throws Exception {
    mojo().execute();

    String yaml = Files.readString(dir.resolve("segments.yaml"));
    assertTrue(yaml.contains("    shop.region: \"eu-west\"\n"), yaml);
    assertTrue(yaml.contains("        classes: [\"it.shop.*IT\"]\n"), yaml);
    assertTrue(yaml.contains("#     postgres: {image: \"postgres:16-alpine\"}\n"), yaml);
    assertEquals(
        List.of(
            "Wrote "
                + dir.resolve("segments.yaml")
                + ": 1 segment(s) for 1 integration test class(es), 1 image(s) offered as fixtures."
                + " Read its first lines, then run mvn segment:run"),
        lines);
  }

  @Test
  void neverOverwritesAManifest() throws Exception {
    Files.writeString(dir.resolve("segments.yaml"), "version: 1\n");

    MojoFailureException e = assertThrows(MojoFailureException.class, mojo()::execute);

    assertEquals(
        dir.resolve("segments.yaml")
            + " exists already, and segment:init never overwrites a manifest. Run it with"
            + " -Dsegment.dryRun to print what it would write, or move the file away and run it"
            + " again",
        e.getMessage());
    assertEquals("version: 1\n", Files.readString(dir.resolve("segments.yaml")));
  }

  @Test
  void aDryRunPrintsAndWritesNothingEvenBesideAManifest() throws Exception {
    Files.writeString(dir.resolve("segments.yaml"), "version: 1\n");
    InitMojo mojo = mojo();
    mojo.dryRun = true;

    mojo.execute();

    assertEquals(
        "segment:init would write " + dir.resolve("segments.yaml") + " (segment.dryRun):",
        lines.get(0));
    assertTrue(lines.contains("version: 1"));
    assertTrue(lines.contains("  shop:"), lines.toString());
    assertEquals("version: 1\n", Files.readString(dir.resolve("segments.yaml")));
  }

  @Test
  void aBadModeAndAModuleWithoutIntegrationTestsAreTheUsersToFix() throws Exception {
    InitMojo badMode = mojo();
    badMode.init = "flat";
    assertTrue(
        assertThrows(MojoFailureException.class, badMode::execute)
            .getMessage()
            .contains(": -Dsegment.init=flat is not a way to group the tests."));

    Files.delete(classes.resolve("it/shop/OrdersIT.class"));
    MojoFailureException e = assertThrows(MojoFailureException.class, mojo()::execute);
    assertEquals(
        "segment:init wrote no manifest for the tests in "
            + classes
            + ": no integration test to put in a segment: no compiled test class matches"
            + " failsafe's includes (**/IT*.java, **/*IT.java, **/*ITCase.java). Name integration"
            + " tests as failsafe does (OrdersIT), or set failsafe's <includes>, compile them, and"
            + " run segment:init again",
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("segments.yaml")));
  }
}
