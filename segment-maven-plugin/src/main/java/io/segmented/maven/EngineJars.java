package io.segmented.maven;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Collectors;
import org.apache.maven.RepositoryUtils;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.ArtifactTypeRegistry;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactDescriptorRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * The engine's jars (the engine, the results, the report's templates, and what they need:
 * Testcontainers, its Docker client, Jackson, FreeMarker, the JDBC drivers), which join the
 * plugin's class realm when a goal first needs them rather than being the plugin's dependencies.
 *
 * <p>Maven resolves a plugin's dependencies and indexes every jar of its realm in each build that
 * uses the plugin, before its first goal: for the engine's 50-odd jars that was 0.4 s of every
 * build, {@code segment:run}'s and a kept rerun's included, also when the engine runs in a JVM of
 * its own and Maven's loads none of its classes. The plugin's POM therefore declares them {@code
 * provided}; this class resolves them once per plugin version (with the {@code <dependencies>} a
 * project gives the plugin, which win as they do in Maven's own resolution), keeps the list beside
 * the plugin's jar in the local repository, and adds them to the realm. The next build reads that
 * list, and checks that each jar is still there and unchanged, in a few milliseconds.
 *
 * <p>Maven links and reflects on a goal's class before the goal runs, and so before the jars join:
 * a Mojo's class names no engine type in a field, a signature or a {@code catch} (its work with the
 * engine is in a class of its own). {@code RealmTest} loads each goal as Maven does.
 */
final class EngineJars {

  /** The group of the engine's artifacts, and of the plugin. */
  static final String GROUP = "io.segmented";

  /** The engine's artifacts the plugin's goals use, in the plugin's version. */
  static final List<String> ARTIFACTS =
      List.of("segment-engine", "segment-results", "report-templates");

  /** The file beside the plugin's jar that lists the resolved jars. */
  static final String LIST = "segment-engine-classpath.txt";

  /** The list's format: its first line starts with it. */
  private static final String VERSION = "v1";

  /**
   * What Maven gives every plugin from its core, in its own version: not the engine's to bring (the
   * engine's JVM gets Maven's, {@code EngineFork}).
   */
  private static final Set<String> FROM_MAVEN = Set.of("org.slf4j:slf4j-api");

  /** The scopes of a runtime classpath. */
  private static final Set<String> RUNTIME = Set.of("compile", "runtime");

  /** What each realm was given, by realm: once per build and plugin realm. */
  private static final Map<ClassLoader, EngineJars> JOINED =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Map<String, Path> jars;

  private EngineJars(Map<String, Path> jars) {
    this.jars = Map.copyOf(jars);
  }

  /** The jar of the engine's artifact {@code groupId:artifactId}, if the engine has it. */
  Optional<Path> jar(String key) {
    return Optional.ofNullable(jars.get(key));
  }

  /**
   * Adds the engine's jars to the realm of {@code plugin}, once per realm: from the list kept
   * beside the plugin's jar when it still holds, else resolved with {@code system} and kept.
   * Outside a Maven realm (a unit test, where the engine is on the classpath) it adds nothing.
   */
  static EngineJars join(
      PluginDescriptor plugin, MavenSession session, RepositorySystem system, Log log)
      throws MojoExecutionException {
    ClassRealm realm = plugin == null ? null : plugin.getClassRealm();
    if (realm == null) {
      return new EngineJars(Map.of());
    }
    synchronized (JOINED) {
      EngineJars joined = JOINED.get(realm);
      if (joined != null) {
        return joined;
      }
      // none when the plugin comes from the build's own reactor: resolved every time then
      File pluginJar = plugin.getPluginArtifact().getFile();
      Path list = pluginJar == null ? null : pluginJar.toPath().resolveSibling(LIST);
      String key = list == null ? "" : key(plugin);
      Map<String, Path> jars = list == null ? null : read(list, key).orElse(null);
      if (jars == null) {
        jars = resolve(plugin, session, system);
        if (list != null) {
          write(list, key, jars, log);
        }
      }
      Set<String> present = new HashSet<>();
      for (URL url : realm.getURLs()) {
        present.add(url.toString());
      }
      for (Path jar : jars.values()) {
        try {
          URL url = jar.toUri().toURL();
          if (present.add(url.toString())) {
            realm.addURL(url);
          }
        } catch (MalformedURLException e) {
          throw new MojoExecutionException("cannot add " + jar + " to the plugin's realm", e);
        }
      }
      joined = new EngineJars(jars);
      JOINED.put(realm, joined);
      return joined;
    }
  }

  /**
   * What the list must have been made from: the plugin's jar (a reinstalled snapshot is another
   * one) and the dependencies the project gives the plugin.
   */
  static String key(PluginDescriptor plugin) {
    File jar = plugin.getPluginArtifact().getFile();
    List<Dependency> given =
        plugin.getPlugin() == null ? List.of() : plugin.getPlugin().getDependencies();
    return String.join(
        " ",
        VERSION,
        plugin.getId(),
        Long.toString(jar.length()),
        Long.toString(jar.lastModified()),
        given.stream().map(EngineJars::coordinates).collect(Collectors.joining(",", "[", "]")));
  }

  /** {@code groupId:artifactId}, and {@code :classifier} when it has one. */
  static String id(Artifact a) {
    String id = a.getGroupId() + ":" + a.getArtifactId();
    return a.getClassifier().isEmpty() ? id : id + ":" + a.getClassifier();
  }

  private static String coordinates(Dependency d) {
    return d.getManagementKey()
        + ":"
        + d.getVersion()
        + d.getExclusions().stream()
            .map(e -> "!" + e.getGroupId() + ":" + e.getArtifactId())
            .collect(Collectors.joining());
  }

  /**
   * The jars of {@code list}, by {@code groupId:artifactId}, when it was made for {@code key} and
   * every jar is still there with its size and time; empty otherwise.
   */
  static Optional<Map<String, Path>> read(Path list, String key) {
    List<String> lines;
    try {
      lines = Files.readAllLines(list, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (lines.isEmpty() || !lines.get(0).equals(key)) {
      return Optional.empty();
    }
    Map<String, Path> jars = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] parts = line.split("\t", 4);
      if (parts.length != 4) {
        return Optional.empty();
      }
      File jar = new File(parts[3]);
      if (!Long.toString(jar.length()).equals(parts[1])
          || !Long.toString(jar.lastModified()).equals(parts[2])
          || !jar.isFile()) {
        return Optional.empty();
      }
      jars.put(parts[0], jar.toPath());
    }
    return jars.isEmpty() ? Optional.empty() : Optional.of(jars);
  }

  /**
   * Writes {@code jars} to {@code list} for {@code key}, whole or not at all (two builds may write
   * it at once); a list that cannot be written is resolved again next time.
   */
  static void write(Path list, String key, Map<String, Path> jars, Log log) {
    StringBuilder text = new StringBuilder(key).append('\n');
    jars.forEach(
        (id, jar) -> {
          File file = jar.toFile();
          text.append(id)
              .append('\t')
              .append(file.length())
              .append('\t')
              .append(file.lastModified())
              .append('\t')
              .append(jar)
              .append('\n');
        });
    Path partial = null;
    try {
      partial = Files.createTempFile(list.getParent(), LIST, ".part");
      Files.writeString(partial, text, StandardCharsets.UTF_8);
      try {
        Files.move(
            partial, list, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, list, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      log.debug(
          "The engine's classpath is not kept in " + list + "; the next build resolves it", e);
      if (partial != null) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException ignored) {
          // a temporary file of the local repository's folder, nothing else
        }
      }
    }
  }

  /**
   * Resolves the engine's artifacts in the plugin's version, with the project's own dependencies of
   * the plugin beside them (nearest first, so theirs win, as in Maven's resolution of a plugin's
   * realm) and the versions the plugin's POM manages.
   */
  private static Map<String, Path> resolve(
      PluginDescriptor plugin, MavenSession session, RepositorySystem system)
      throws MojoExecutionException {
    RepositorySystemSession repositories = session.getRepositorySession();
    List<RemoteRepository> remote = session.getCurrentProject().getRemotePluginRepositories();
    ArtifactTypeRegistry types = repositories.getArtifactTypeRegistry();
    CollectRequest collect = new CollectRequest();
    collect.setRepositories(remote);
    if (plugin.getPlugin() != null) {
      for (Dependency given : plugin.getPlugin().getDependencies()) {
        collect.addDependency(RepositoryUtils.toDependency(given, types));
      }
    }
    for (String artifactId : ARTIFACTS) {
      collect.addDependency(
          new org.eclipse.aether.graph.Dependency(
              new DefaultArtifact(GROUP, artifactId, "jar", plugin.getVersion()), "compile"));
    }
    try {
      Artifact pom =
          new DefaultArtifact(
              plugin.getGroupId(), plugin.getArtifactId(), "pom", plugin.getVersion());
      List<org.eclipse.aether.graph.Dependency> managed = new ArrayList<>();
      for (org.eclipse.aether.graph.Dependency d :
          system
              .readArtifactDescriptor(
                  repositories, new ArtifactDescriptorRequest(pom, remote, null))
              .getManagedDependencies()) {
        // versions and exclusions only: a scope managed for the plugin's own build (test) is not
        // the engine's
        managed.add(
            new org.eclipse.aether.graph.Dependency(d.getArtifact(), "", null, d.getExclusions()));
      }
      collect.setManagedDependencies(managed);
      // the runtime classpath; Maven gives plugins the resolver's API, not its utilities
      DependencyRequest request =
          new DependencyRequest(
              collect,
              (node, parents) ->
                  node.getDependency() == null
                      || RUNTIME.contains(node.getDependency().getScope()));
      Map<String, Path> jars = new LinkedHashMap<>();
      for (ArtifactResult result :
          system.resolveDependencies(repositories, request).getArtifactResults()) {
        Artifact a = result.getArtifact();
        if (a.getFile() != null
            && !"pom".equals(a.getExtension())
            && !FROM_MAVEN.contains(a.getGroupId() + ":" + a.getArtifactId())) {
          jars.putIfAbsent(id(a), a.getFile().toPath());
        }
      }
      return jars;
    } catch (ArtifactDescriptorException | DependencyResolutionException e) {
      throw new MojoExecutionException(
          "cannot resolve the engine of "
              + plugin.getId()
              + " ("
              + String.join(", ", ARTIFACTS)
              + " and what they need): "
              + e.getMessage()
              + ". Check the plugin repositories (or run once without -o)",
          e);
    }
  }
}
