package io.segmented.maven;

import io.segmented.engine.EngineException;
import io.segmented.engine.SegmentEngine;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Removes every fixture builds of this project keep for later ones ({@code -Dsegment.keep}) from
 * the Docker engine at once, leased or not, with their leases and expiry records, and what builds
 * that did not end left there (as every run's start does). The next build with {@code
 * -Dsegment.keep} starts its own again. It stops the engine's JVM kept for the module too.
 *
 * @since 0.2.0
 */
@Mojo(name = "down", threadSafe = true)
public final class DownMojo extends AbstractEngineMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Override
  public void execute() throws MojoExecutionException {
    // first, so that no build it would run leases what is removed below
    try {
      ResidentEngine.stop(project.getBasedir().toPath())
          .ifPresent(
              pid ->
                  getLog()
                      .info(
                          "Stopped the engine's JVM kept for "
                              + project.getArtifactId()
                              + " (pid "
                              + pid
                              + ")"));
    } catch (IOException e) {
      getLog().warn("Cannot stop the engine's JVM kept for " + project.getArtifactId() + ": " + e);
    }
    engineJars();
    WithEngine.down(project, getLog());
  }

  /** The goal's work with the engine's types, which its Mojo's class must not name (EngineJars). */
  private static final class WithEngine {

    static void down(MavenProject project, Log log) throws MojoExecutionException {
      TestcontainersLogging.quiet(log);
      try {
        SegmentEngine.Down removed = new SegmentEngine().down(project.getBasedir().toPath());
        log.info("Removed " + removed.kept() + " kept fixture(s) of " + project.getArtifactId());
        int left = removed.leftovers();
        if (left > 0) {
          log.info(
              "Removed " + left + " container(s) and network(s) left by builds that did not end");
        }
      } catch (EngineException e) {
        throw new MojoExecutionException(e.getMessage(), e);
      }
    }
  }
}
