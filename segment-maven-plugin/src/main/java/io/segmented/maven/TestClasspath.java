package io.segmented.maven;

import io.segmented.engine.TestRuntime;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
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
  private final PluginDescriptor plugin;
  private final RepositorySystem repositorySystem;

  TestClasspath(
      MavenProject project,
      MavenSession session,
      PluginDescriptor plugin,
      RepositorySystem repositorySystem) {
    this.project = project;
    this.session = session;
    this.plugin = plugin;
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
    List<Path> launcher = new ArrayList<>();
    launcher.add(pluginArtifact("io.segmented:segment-launcher"));
    if (testArtifact("junit-platform-launcher").isEmpty()) {
      launcher.add(platformLauncher());
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new TestRuntime(java, testClassesDir, testClasspath, launcher);
  }

  private Optional<Artifact> testArtifact(String artifactId) {
    return project.getArtifacts().stream()
        .filter(a -> PLATFORM_GROUP.equals(a.getGroupId()) && artifactId.equals(a.getArtifactId()))
        .findFirst();
  }

  private Path platformLauncher() throws MojoExecutionException, MojoFailureException {
    Artifact engine =
        testArtifact("junit-platform-engine")
            .orElseThrow(
                () ->
                    new MojoFailureException(
                        project.getId()
                            + " has no JUnit Platform on its test classpath, so its segments' tests cannot run."
                            + " Add a test dependency on org.junit.jupiter:junit-jupiter"));
    ArtifactRequest request =
        new ArtifactRequest(
            new DefaultArtifact(
                PLATFORM_GROUP, "junit-platform-launcher", "jar", engine.getVersion()),
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
              + engine.getVersion()
              + ", which runs the tests of "
              + project.getId()
              + ": "
              + e.getMessage()
              + ". Check the repositories, or add that artifact as a test dependency",
          e);
    }
  }

  private Path pluginArtifact(String key) throws MojoExecutionException {
    Artifact artifact = plugin.getArtifactMap().get(key);
    if (artifact == null || artifact.getFile() == null) {
      throw new MojoExecutionException(
          "the plugin's own " + key + " artifact is missing; reinstall the plugin");
    }
    return artifact.getFile().toPath();
  }
}
