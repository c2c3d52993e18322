package io.segmented.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list of the engine's jars kept beside the plugin's: read back only while it holds. */
class EngineJarsTest {

  @TempDir Path dir;

  private Map<String, Path> jars() throws Exception {
    Map<String, Path> jars = new LinkedHashMap<>();
    jars.put("io.segmented:segment-engine", Files.writeString(dir.resolve("engine.jar"), "e"));
    jars.put("org.testcontainers:testcontainers", Files.writeString(dir.resolve("tc.jar"), "tc"));
    return jars;
  }

  @Test
  void aWrittenListReadsBackForItsKeyInItsOrder() throws Exception {
    Map<String, Path> jars = jars();
    Path list = dir.resolve(EngineJars.LIST);
    EngineJars.write(list, "key one", jars, new SystemStreamLog());

    Optional<Map<String, Path>> read = EngineJars.read(list, "key one");

    assertEquals(Optional.of(jars), read);
    assertEquals(java.util.List.copyOf(jars.keySet()), java.util.List.copyOf(read.get().keySet()));
    assertEquals(Optional.empty(), EngineJars.read(list, "key two"));
    // nothing left of the write but the list, with the permissions of any file written there (a
    // temporary file's would keep the others who share the repository from reading it)
    try (var files = Files.list(dir)) {
      assertEquals(3, files.count());
    }
    assertEquals(
        Files.getPosixFilePermissions(jars.get("io.segmented:segment-engine")),
        Files.getPosixFilePermissions(list));
  }

  @Test
  void aJarChangedOrGoneSinceMakesTheListStale() throws Exception {
    Map<String, Path> jars = jars();
    Path list = dir.resolve(EngineJars.LIST);
    EngineJars.write(list, "k", jars, new SystemStreamLog());
    Path tc = jars.get("org.testcontainers:testcontainers");

    // the same size, another time: a snapshot installed again
    Files.setLastModifiedTime(
        tc, FileTime.fromMillis(Files.getLastModifiedTime(tc).toMillis() - 5000));
    assertEquals(Optional.empty(), EngineJars.read(list, "k"));

    EngineJars.write(list, "k", jars, new SystemStreamLog());
    assertTrue(EngineJars.read(list, "k").isPresent());
    Files.delete(tc);
    assertEquals(Optional.empty(), EngineJars.read(list, "k"));
  }

  @Test
  void aPomChangedBesideAJarMakesTheListStale() throws Exception {
    Map<String, Path> jars = jars();
    Path pom = Files.writeString(dir.resolve("engine.pom"), "<project/>");
    Path list = dir.resolve(EngineJars.LIST);
    EngineJars.write(list, "k", jars, new SystemStreamLog());
    assertEquals(Optional.of(jars), EngineJars.read(list, "k"));

    // installed again with another dependency; the jar as it was
    Files.writeString(pom, "<project><dependencies/></project>");
    assertEquals(Optional.empty(), EngineJars.read(list, "k"));
  }

  @Test
  void aMissingOrTornListIsNoList() throws Exception {
    Path list = dir.resolve(EngineJars.LIST);
    assertEquals(Optional.empty(), EngineJars.read(list, "k"));
    Files.writeString(list, "k\nio.segmented:segment-engine\t1\n");
    assertEquals(Optional.empty(), EngineJars.read(list, "k"));
    Files.writeString(list, "k\n");
    assertEquals(Optional.empty(), EngineJars.read(list, "k"));
  }

  @Test
  void theKeyChangesWithThePluginsJarAndTheDependenciesAProjectGivesIt() throws Exception {
    Path jar = Files.writeString(dir.resolve("segment-maven-plugin.jar"), "plugin");
    PluginDescriptor plugin = descriptor(jar, new Plugin());
    String key = EngineJars.key(plugin);
    assertEquals(key, EngineJars.key(descriptor(jar, new Plugin())));

    Plugin withDriver = new Plugin();
    Dependency driver = new Dependency();
    driver.setGroupId("org.postgresql");
    driver.setArtifactId("postgresql");
    driver.setVersion("42.7.9");
    withDriver.addDependency(driver);
    String withDriverKey = EngineJars.key(descriptor(jar, withDriver));
    assertNotEquals(key, withDriverKey);
    assertTrue(withDriverKey.contains("org.postgresql:postgresql:jar:42.7.9"), withDriverKey);

    assertEquals(EngineJars.LIST, EngineJars.listName(plugin));
    assertNotEquals(EngineJars.LIST, EngineJars.listName(descriptor(jar, withDriver)));

    Files.writeString(dir.resolve("segment-maven-plugin.pom"), "<project/>");
    String withPom = EngineJars.key(plugin);
    assertNotEquals(key, withPom);
    Files.writeString(jar, "plugin, installed again");
    assertNotEquals(withPom, EngineJars.key(plugin));
  }

  @Test
  void theKeyChangesWithAParentPomInstalledAgainAlone() throws Exception {
    Path repo = dir.resolve("repo");
    Path jar =
        repo.resolve("io/segmented/segment-maven-plugin/1.0.0/segment-maven-plugin-1.0.0.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "plugin");
    Files.writeString(
        EngineJars.pom(jar),
        "<project><parent>\n  <groupId>io.segmented</groupId>\n"
            + "  <artifactId>segment-parent</artifactId><version>1.0.0</version>\n"
            + "</parent><artifactId>segment-maven-plugin</artifactId></project>");
    Path parent = repo.resolve("io/segmented/segment-parent/1.0.0/segment-parent-1.0.0.pom");
    Files.createDirectories(parent.getParent());
    Files.writeString(
        parent,
        "<project><parent><groupId>org.example</groupId><artifactId>corporate</artifactId>"
            + "<version>7</version></parent></project>");
    Path corporate = repo.resolve("org/example/corporate/7/corporate-7.pom");
    Files.createDirectories(corporate.getParent());
    Files.writeString(corporate, "<project/>");

    assertEquals(
        java.util.List.of(EngineJars.pom(jar), parent, corporate),
        EngineJars.inherited(EngineJars.pom(jar), "io.segmented"));
    PluginDescriptor plugin = descriptor(jar, new Plugin());
    String key = EngineJars.key(plugin);
    assertEquals(key, EngineJars.key(plugin), "nothing installed meanwhile");
    // the parent installed again with another version in its dependency management
    Files.writeString(parent, Files.readString(parent) + "<!-- testcontainers 2 -->");
    String again = EngineJars.key(plugin);
    assertNotEquals(key, again);
    Files.writeString(corporate, "<project><!-- another --></project>");
    assertNotEquals(again, EngineJars.key(plugin));
  }

  @Test
  void aParentInACommentOrOfAnUnresolvedVersionIsNotLookedFor() throws Exception {
    Path repo = dir.resolve("repo");
    Path pom = repo.resolve("io/segmented/a/1/a-1.pom");
    Files.createDirectories(pom.getParent());
    Path parent = repo.resolve("io/segmented/p/1/p-1.pom");
    Files.createDirectories(parent.getParent());
    Files.writeString(parent, "<project/>");
    String p1 = "<parent><groupId>io.segmented</groupId><artifactId>p</artifactId>";

    Files.writeString(pom, "<project>" + p1 + "<version>1</version></parent></project>");
    assertEquals(java.util.List.of(pom, parent), EngineJars.inherited(pom, "io.segmented"));
    Files.writeString(pom, "<project><!-- " + p1 + "<version>1</version></parent> --></project>");
    assertEquals(java.util.List.of(pom), EngineJars.inherited(pom, "io.segmented"));
    Files.writeString(pom, "<project>" + p1 + "<version>${revision}</version></parent></project>");
    assertEquals(java.util.List.of(pom), EngineJars.inherited(pom, "io.segmented"));
  }

  private static PluginDescriptor descriptor(Path jar, Plugin plugin) {
    PluginDescriptor descriptor = new PluginDescriptor();
    descriptor.setGroupId("io.segmented");
    descriptor.setArtifactId("segment-maven-plugin");
    descriptor.setVersion("1.0.0");
    DefaultArtifact artifact =
        new DefaultArtifact(
            "io.segmented",
            "segment-maven-plugin",
            "1.0.0",
            "compile",
            "maven-plugin",
            null,
            new DefaultArtifactHandler("maven-plugin"));
    artifact.setFile(jar.toFile());
    descriptor.setPluginArtifact(artifact);
    descriptor.setPlugin(plugin);
    return descriptor;
  }
}
