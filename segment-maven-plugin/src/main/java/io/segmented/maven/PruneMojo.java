package io.segmented.maven;

import io.segmented.engine.EngineException;
import io.segmented.engine.SegmentEngine;
import io.segmented.engine.fixture.SeedSnapshots;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Removes what segment runs keep on the Docker engine between builds: the seeded database snapshots
 * and the class-data archives of WireMock's JVM ({@code segmented-snapshot/*} images). The next run
 * makes the ones it needs again. Needs no project; runs once per build.
 *
 * @since 0.2.0
 */
@Mojo(name = "prune", requiresProject = false, aggregator = true, threadSafe = true)
public final class PruneMojo extends AbstractEngineMojo {

  @Override
  public void execute() throws MojoExecutionException {
    engineJars();
    WithEngine.prune(getLog());
  }

  /** The goal's work with the engine's types, which its Mojo's class must not name (EngineJars). */
  private static final class WithEngine {

    static void prune(Log log) throws MojoExecutionException {
      TestcontainersLogging.quiet(log);
      try {
        SeedSnapshots.Pruned pruned = new SegmentEngine().prune();
        log.info(
            "Removed "
                + pruned.removed()
                + " snapshot(s) (seeded databases, WireMock class data) from the Docker engine");
        if (pruned.left() > 0) {
          log.warn(
              pruned.left()
                  + " snapshot(s) left: a container uses them (a build running now, or a stopped"
                  + " container made from one: docker ps -a shows it). Run"
                  + " segment:prune again once it is gone");
        }
      } catch (EngineException e) {
        throw new MojoExecutionException(e.getMessage(), e);
      }
    }
  }
}
