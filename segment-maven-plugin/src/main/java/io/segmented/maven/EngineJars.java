package io.segmented.maven;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private static final String VERSION = "v2";

  /** The id of a line of the list that is checked but is no jar of the engine's: a POM. */
  private static final String CHECKED = "-";

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
      // Maven's realm holds the dependencies the project gives the plugin, and what they bring:
      // the engine takes those, in their versions, and adds only what the realm lacks
      List<Artifact> realmArtifacts = new ArrayList<>();
      Map<String, Path> inRealm = new LinkedHashMap<>();
      for (org.apache.maven.artifact.Artifact a : plugin.getArtifacts()) {
        if (a.getFile() != null) {
          Artifact artifact = RepositoryUtils.toArtifact(a);
          realmArtifacts.add(artifact);
          inRealm.put(id(artifact), a.getFile().toPath());
        }
      }
      // no list for a plugin of the build's own reactor (target/classes), nor with -U
      File pluginJar = plugin.getPluginArtifact().getFile();
      boolean kept = pluginJar != null && pluginJar.isFile();
      Path list = kept ? pluginJar.toPath().resolveSibling(listName(plugin)) : null;
      String key = kept ? key(plugin) : "";
      Map<String, Path> jars =
          kept && !session.getRequest().isUpdateSnapshots() ? read(list, key).orElse(null) : null;
      if (jars == null) {
        jars = resolve(plugin, realmArtifacts, session, system);
        if (kept) {
          write(list, key, jars, log);
        }
      }
      Set<Path> present = new HashSet<>(inRealm.values());
      for (URL url : realm.getURLs()) {
        try {
          present.add(Path.of(url.toURI()));
        } catch (URISyntaxException | RuntimeException e) {
          // not a file: nothing of the engine's
        }
      }
      Map<String, Path> engine = new LinkedHashMap<>();
      for (Map.Entry<String, Path> jar : jars.entrySet()) {
        Path file = inRealm.getOrDefault(jar.getKey(), jar.getValue());
        engine.put(jar.getKey(), file);
        if (present.add(file)) {
          try {
            realm.addURL(file.toUri().toURL());
          } catch (MalformedURLException e) {
            throw new MojoExecutionException("cannot add " + file + " to the plugin's realm", e);
          }
        }
      }
      joined = new EngineJars(engine);
      JOINED.put(realm, joined);
      return joined;
    }
  }

  /**
   * The list's name: one per set of dependencies projects give the plugin, so that projects that
   * give it different ones do not resolve the engine again in turn.
   */
  static String listName(PluginDescriptor plugin) {
    String given = given(plugin);
    return given.equals("[]")
        ? LIST
        : LIST.replace(".txt", String.format("-%08x.txt", given.hashCode()));
  }

  /**
   * What the list must have been made from: the plugin's jar and POM (a reinstalled snapshot is
   * another one), the POMs it inherits from in the local repository (whose dependency management
   * gives the engine's jars their versions: a parent installed again alone, {@code mvn install -N},
   * changes them), and the dependencies the project gives the plugin.
   */
  static String key(PluginDescriptor plugin) {
    File jar = plugin.getPluginArtifact().getFile();
    Path pom = pom(jar.toPath());
    List<String> key = new ArrayList<>();
    key.add(VERSION);
    key.add(plugin.getId());
    key.add(Long.toString(jar.length()));
    key.add(Long.toString(jar.lastModified()));
    for (Path each : inherited(pom, plugin.getGroupId())) {
      File file = each.toFile();
      key.add(Long.toString(file.length()));
      key.add(Long.toString(file.lastModified()));
    }
    key.add(given(plugin));
    return String.join(" ", key);
  }

  private static final Pattern PARENT = Pattern.compile("<parent>(.*?)</parent>", Pattern.DOTALL);

  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

  /**
   * {@code pom}, of group {@code groupId} in a local repository, and the parent POMs it inherits
   * from that are in the same repository, nearest first; {@code pom} alone where it names no parent
   * or they are not there.
   */
  static List<Path> inherited(Path pom, String groupId) {
    List<Path> poms = new ArrayList<>(List.of(pom));
    // <root>/<group as folders>/<artifact>/<version>/<artifact>-<version>.pom
    Path root = pom.toAbsolutePath().getParent();
    for (int up = 0; root != null && up < 2 + groupId.split("\\.").length; up++) {
      root = root.getParent();
    }
    Path current = pom;
    while (root != null && poms.size() < 10) {
      Matcher parent;
      try {
        // the tags are ASCII whatever the POM's encoding; a <parent> in a comment is none
        String text = Files.readString(current, StandardCharsets.ISO_8859_1);
        parent = PARENT.matcher(COMMENT.matcher(text).replaceAll(""));
      } catch (IOException | RuntimeException e) {
        break;
      }
      if (!parent.find()) {
        break;
      }
      String group = tag(parent.group(1), "groupId");
      String artifact = tag(parent.group(1), "artifactId");
      String version = tag(parent.group(1), "version");
      if (group == null || artifact == null || version == null) {
        break;
      }
      Path next =
          root.resolve(group.replace('.', '/'))
              .resolve(artifact)
              .resolve(version)
              .resolve(artifact + "-" + version + ".pom");
      if (!Files.isRegularFile(next) || poms.contains(next)) {
        break;
      }
      poms.add(next);
      current = next;
    }
    return poms;
  }

  private static String tag(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">\\s*([^<\\s]+)\\s*</" + name + ">").matcher(xml);
    return m.find() ? m.group(1) : null;
  }

  private static String given(PluginDescriptor plugin) {
    List<Dependency> given =
        plugin.getPlugin() == null ? List.of() : plugin.getPlugin().getDependencies();
    return given.stream().map(EngineJars::coordinates).collect(Collectors.joining(",", "[", "]"));
  }

  /** The POM beside a jar of the local repository ({@code a-1.0.jar}: {@code a-1.0.pom}). */
  static Path pom(Path jar) {
    String name = jar.getFileName().toString();
    return jar.resolveSibling(
        (name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name) + ".pom");
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
   * every jar, and every POM beside one, is still there with its size and time; empty otherwise.
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
      File file = new File(parts[3]);
      if (!Long.toString(file.length()).equals(parts[1])
          || !Long.toString(file.lastModified()).equals(parts[2])
          || !file.isFile()) {
        return Optional.empty();
      }
      if (!parts[0].equals(CHECKED)) {
        jars.put(parts[0], file.toPath());
      }
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
          line(text, id, jar);
          // a snapshot installed again with other dependencies has another POM
          Path pom = pom(jar);
          if (Files.isRegularFile(pom)) {
            line(text, CHECKED, pom);
          }
        });
    // the local repository's permissions, not a temporary file's
    Path partial = list.resolveSibling(list.getFileName() + "." + ProcessHandle.current().pid());
    try {
      Files.writeString(partial, text, StandardCharsets.UTF_8);
      try {
        Files.move(
            partial, list, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, list, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      log.warn(
          "Cannot keep the list of the engine's jars in "
              + list
              + " ("
              + e
              + "): every build resolves them again, some tenths of a second");
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // the local repository is not writable: there is no partial list either
      }
    }
  }

  private static void line(StringBuilder text, String id, Path file) {
    File f = file.toFile();
    text.append(id)
        .append('\t')
        .append(f.length())
        .append('\t')
        .append(f.lastModified())
        .append('\t')
        .append(file)
        .append('\n');
  }

  /**
   * Resolves the engine's artifacts in the plugin's version, with the project's own dependencies of
   * the plugin beside them (nearest first, so theirs win, as in Maven's resolution of a plugin's
   * realm) and the versions the plugin's POM manages.
   */
  private static Map<String, Path> resolve(
      PluginDescriptor plugin,
      List<Artifact> realmArtifacts,
      MavenSession session,
      RepositorySystem system)
      throws MojoExecutionException {
    RepositorySystemSession repositories = session.getRepositorySession();
    List<RemoteRepository> remote = session.getCurrentProject().getRemotePluginRepositories();
    ArtifactTypeRegistry types = repositories.getArtifactTypeRegistry();
    CollectRequest collect = new CollectRequest();
    collect.setRepositories(remote);
    if (plugin.getPlugin() != null) {
      for (Dependency given : plugin.getPlugin().getDependencies()) {
        org.eclipse.aether.graph.Dependency d = RepositoryUtils.toDependency(given, types);
        // as Maven takes them: no scope is runtime
        collect.addDependency(d.getScope().isEmpty() ? d.setScope("runtime") : d);
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
      // first the versions of Maven's realm, so that each artifact is there once
      List<org.eclipse.aether.graph.Dependency> managed = new ArrayList<>();
      for (Artifact a : realmArtifacts) {
        managed.add(new org.eclipse.aether.graph.Dependency(a, ""));
      }
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
