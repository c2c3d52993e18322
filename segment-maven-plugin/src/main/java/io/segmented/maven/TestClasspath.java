package io.segmented.maven;

import io.segmented.engine.TestRuntime;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * The classpath of a forked test JVM: the module's test classpath, the segment launcher, and the
 * JUnit Platform Launcher in the version of the module's own JUnit Platform (as surefire does), so
 * the plugin never imposes a JUnit version.
 */
final class TestClasspath {

  private static final String PLATFORM_GROUP = "org.junit.platform";

  private final MavenProject project;
  private final MavenSession session;
  private final EngineJars engine;
  private final RepositorySystem repositorySystem;

  TestClasspath(
      MavenProject project,
      MavenSession session,
      EngineJars engine,
      RepositorySystem repositorySystem) {
    this.project = project;
    this.session = session;
    this.engine = engine;
    this.repositorySystem = repositorySystem;
  }

  TestRuntime runtime(Path testClassesDir) throws MojoExecutionException, MojoFailureException {
    List<Path> testClasspath = new ArrayList<>();
    try {
      for (String element : project.getTestClasspathElements()) {
        testClasspath.add(Path.of(element));
      }
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException(
          "the test classpath of " + project.getId() + " is not resolved", e);
    }
    return runtime(testClassesDir, testClasspath, platformVersions(project.getArtifacts()));
  }

  /**
   * The runtime of a goal that does not have Maven resolve the project's dependencies before it
   * runs ({@code segment:warm-up}, which must not fail a build that runs no segments): resolved
   * here with {@code resolver}, in the order Maven's own test classpath has them.
   */
  TestRuntime resolvedRuntime(Path testClassesDir, ProjectDependenciesResolver resolver)
      throws MojoExecutionException, MojoFailureException {
    DependencyResolutionResult result;
    try {
      result =
          resolver.resolve(
              new DefaultDependencyResolutionRequest(project, session.getRepositorySession()));
    } catch (DependencyResolutionException e) {
      throw new MojoExecutionException(
          "the test classpath of " + project.getId() + " is not resolved", e);
    }
    List<Path> testClasspath = new ArrayList<>();
    testClasspath.add(Path.of(project.getBuild().getTestOutputDirectory()));
    testClasspath.add(Path.of(project.getBuild().getOutputDirectory()));
    Map<String, String> platform = new HashMap<>();
    for (org.eclipse.aether.graph.Dependency d :
        inClasspathOrder(result.getDependencyGraph(), result.getDependencies())) {
      org.eclipse.aether.artifact.Artifact a = d.getArtifact();
      // as Maven's test classpath: a pom is no classpath entry
      if (a.getFile() != null && !"pom".equals(a.getExtension())) {
        testClasspath.add(a.getFile().toPath());
      }
      if (PLATFORM_GROUP.equals(a.getGroupId())) {
        platform.put(a.getArtifactId(), a.getBaseVersion());
      }
    }
    return runtime(testClassesDir, testClasspath, platform);
  }

  /**
   * The resolved {@code dependencies} in the order of Maven's own test classpath: a walk of the
   * dependency {@code graph} (null: none) that takes each node before its children, as Maven makes
   * the project's artifacts of it. A resolution result lists its dependencies in that order under
   * Maven 3 only; Maven 4's resolver lists the graph level by level.
   */
  static List<org.eclipse.aether.graph.Dependency> inClasspathOrder(
      DependencyNode graph, List<org.eclipse.aether.graph.Dependency> dependencies) {
    Map<String, org.eclipse.aether.graph.Dependency> resolved = new LinkedHashMap<>();
    for (org.eclipse.aether.graph.Dependency d : dependencies) {
      resolved.putIfAbsent(key(d.getArtifact()), d);
    }
    List<org.eclipse.aether.graph.Dependency> ordered = new ArrayList<>();
    if (graph != null) {
      takeInOrder(graph.getChildren(), resolved, ordered);
    }
    // none should be left; any that is goes last, as before
    ordered.addAll(resolved.values());
    return ordered;
  }

  private static void takeInOrder(
      List<DependencyNode> nodes,
      Map<String, org.eclipse.aether.graph.Dependency> resolved,
      List<org.eclipse.aether.graph.Dependency> ordered) {
    for (DependencyNode node : nodes) {
      if (node.getArtifact() != null) {
        org.eclipse.aether.graph.Dependency d = resolved.remove(key(node.getArtifact()));
        if (d != null) {
          ordered.add(d);
        }
      }
      takeInOrder(node.getChildren(), resolved, ordered);
    }
  }

  private static String key(org.eclipse.aether.artifact.Artifact a) {
    return String.join(
        ":",
        a.getGroupId(),
        a.getArtifactId(),
        a.getExtension(),
        a.getClassifier(),
        a.getVersion());
  }

  /** The versions of the JUnit Platform's artifacts among {@code artifacts}, by artifact id. */
  private static Map<String, String> platformVersions(Set<Artifact> artifacts) {
    Map<String, String> platform = new HashMap<>();
    for (Artifact a : artifacts) {
      if (PLATFORM_GROUP.equals(a.getGroupId())) {
        platform.put(a.getArtifactId(), a.getBaseVersion());
      }
    }
    return platform;
  }

  private TestRuntime runtime(
      Path testClassesDir, List<Path> testClasspath, Map<String, String> platform)
      throws MojoExecutionException, MojoFailureException {
    List<Path> launcher = new ArrayList<>();
    launcher.add(pluginArtifact("io.segmented:segment-launcher"));
    if (!platform.containsKey("junit-platform-launcher")) {
      launcher.add(platformLauncher(platform.get("junit-platform-engine")));
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new TestRuntime(java, testClassesDir, testClasspath, launcher);
  }

  private Path platformLauncher(String engineVersion)
      throws MojoExecutionException, MojoFailureException {
    if (engineVersion == null) {
      throw new MojoFailureException(
          project.getId()
              + " has no JUnit Platform on its test classpath, so its segments' tests cannot run."
              + " Add a test dependency on org.junit.jupiter:junit-jupiter");
    }
    ArtifactRequest request =
        new ArtifactRequest(
            new DefaultArtifact(PLATFORM_GROUP, "junit-platform-launcher", "jar", engineVersion),
            project.getRemoteProjectRepositories(),
            null);
    try {
      File file =
          repositorySystem
              .resolveArtifact(session.getRepositorySession(), request)
              .getArtifact()
              .getFile();
      return file.toPath();
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException(
          "cannot resolve org.junit.platform:junit-platform-launcher:"
              + engineVersion
              + ", which runs the tests of "
              + project.getId()
              + ": "
              + e.getMessage()
              + ". Check the repositories, or add that artifact as a test dependency",
          e);
    }
  }

  private Path pluginArtifact(String key) throws MojoExecutionException {
    return engine
        .jar(key)
        .orElseThrow(
            () ->
                new MojoExecutionException(
                    "the plugin's own " + key + " artifact is missing; reinstall the plugin"));
  }
}
