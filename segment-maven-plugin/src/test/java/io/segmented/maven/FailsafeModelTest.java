package io.segmented.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.engine.adopt.FailsafeConfig;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

class FailsafeModelTest {

  static Xpp3Dom xml(String text) {
    try {
      return Xpp3DomBuilder.build(new StringReader(text));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * A project whose failsafe has {@code effective} configuration, and {@code raw} in its pom.xml.
   */
  static MavenProject project(String effective, String raw, String phase, String... goals) {
    MavenProject project = new MavenProject(model(effective, false, phase, goals));
    project.setOriginalModel(raw == null ? new Model() : model(raw, true, phase, goals));
    return project;
  }

  /**
   * A model whose failsafe has {@code configuration} in its execution (as the effective model has
   * it), or at plugin level beside an execution with none ({@code atPluginLevel}, as a pom.xml
   * usually writes it).
   */
  private static Model model(
      String configuration, boolean atPluginLevel, String phase, String... goals) {
    Plugin failsafe = new Plugin();
    failsafe.setGroupId("org.apache.maven.plugins");
    failsafe.setArtifactId("maven-failsafe-plugin");
    if (goals.length > 0) {
      PluginExecution execution = new PluginExecution();
      execution.setId("default");
      execution.setGoals(List.of(goals));
      execution.setPhase(phase);
      if (atPluginLevel) {
        failsafe.setConfiguration(xml(configuration));
      } else {
        execution.setConfiguration(xml(configuration));
      }
      failsafe.addExecution(execution);
    } else {
      failsafe.setConfiguration(xml(configuration));
    }
    Build build = new Build();
    build.addPlugin(failsafe);
    Model model = new Model();
    model.setBuild(build);
    return model;
  }

  @Test
  void readsWhatAManifestCanCarry() {
    MavenProject project =
        project(
            """
            <configuration>
              <includes><include>**/*Check.java</include></includes>
              <excludes><exclude>**/Slow*</exclude></excludes>
              <groups>db</groups>
              <systemProperties><property><name>old.style</name><value>1</value></property></systemProperties>
              <systemPropertyVariables>
                <shop.image>segmented-it/postgres:15</shop.image>
                <shop.dir>/work/shop/target/data</shop.dir>
                <empty/>
              </systemPropertyVariables>
              <environmentVariables><SHOP_MODE>it</SHOP_MODE></environmentVariables>
              <argLine>-Xmx256m</argLine>
              <forkedProcessTimeoutInSeconds>600</forkedProcessTimeoutInSeconds>
              <properties>
                <configurationParameters>
                  junit.jupiter.extensions.autodetection.enabled = true
                  junit.jupiter.execution.parallel.enabled=false
                </configurationParameters>
              </properties>
            </configuration>
            """,
            """
            <configuration>
              <systemPropertyVariables>
                <shop.image>${shop.image}</shop.image>
                <shop.dir>${project.build.directory}/${not.a.property}</shop.dir>
              </systemPropertyVariables>
            </configuration>
            """,
            null,
            "integration-test",
            "verify");

    FailsafeConfig config = FailsafeModel.read(project, Set.of("shop.image"));

    assertTrue(config.declared());
    assertTrue(config.bound());
    assertEquals(List.of("**/*Check.java"), config.includes());
    assertEquals(List.of("**/Slow*"), config.excludes());
    assertEquals("db", config.groups());
    assertEquals(
        Map.of(
            "old.style", "1",
            "shop.image", "${shop.image}",
            "shop.dir", "/work/shop/target/data",
            "empty", ""),
        config.systemProperties(),
        "the POM's ${shop.image} is kept; ${not.a.property} is not one the manifest resolves");
    assertEquals(Map.of("SHOP_MODE", "it"), config.environment());
    assertEquals("-Xmx256m", config.argLine());
    assertEquals(Optional.of(600), config.timeoutSeconds());
    assertEquals(
        List.of(
            "junit.jupiter.execution.parallel.enabled",
            "junit.jupiter.extensions.autodetection.enabled"),
        List.copyOf(config.configurationParameters().keySet()));
    assertEquals(
        "true",
        config.configurationParameters().get("junit.jupiter.extensions.autodetection.enabled"));
  }

  @Test
  void boundOnlyWithAnIntegrationTestExecutionThatDoesNotSkip() {
    assertTrue(
        FailsafeModel.read(project("<configuration/>", null, null, "integration-test"), Set.of())
            .bound());
    assertFalse(
        FailsafeModel.read(project("<configuration/>", null, null), Set.of()).bound(),
        "declared, no execution");
    assertFalse(
        FailsafeModel.read(project("<configuration/>", null, "none", "integration-test"), Set.of())
            .bound(),
        "phase none");
    assertFalse(
        FailsafeModel.read(
                project(
                    "<configuration><skipITs>true</skipITs></configuration>",
                    null,
                    null,
                    "integration-test"),
                Set.of())
            .bound());
    assertFalse(FailsafeModel.read(new MavenProject(), Set.of()).declared());
  }
}
