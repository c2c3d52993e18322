package io.segmented.maven;

import io.segmented.engine.SegmentEngine;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Starts connecting to the Docker engine in the background while Maven compiles, so that the
 * segments' first fixture does not wait for Testcontainers' client (about a second of a fresh JVM).
 * {@code segment:run} runs it by itself at the start of the lifecycle it forks; a build that runs
 * the {@code integration-test} goal in the lifecycle ({@code mvn verify}) gets the same by adding
 * this goal to the plugin's execution (it binds to {@code initialize}).
 *
 * <p>Does nothing where the build runs no segments (no goal or phase up to {@code
 * integration-test}, as {@code mvn test}), where the segment goals are skipped, where the module
 * has no manifest, or where no Docker engine is configured; never fails the build (the run says
 * what is wrong with the engine when it needs it).
 *
 * @since 0.2.0
 */
@Mojo(name = "warm-up", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public final class WarmUpMojo extends AbstractSegmentMojo {

  /** The phases of the default lifecycle from {@code integration-test} on. */
  private static final Set<String> RUNS_SEGMENTS =
      Set.of("integration-test", "post-integration-test", "verify", "install", "deploy");

  @Override
  protected boolean announces() {
    return false;
  }

  @Override
  protected void executeWithManifest() {
    if (!runsSegments(session.getGoals())) {
      return;
    }
    TestcontainersLogging.quiet(getLog());
    // the plugin's realm, and so Testcontainers' client, is the one the run goal uses later
    new SegmentEngine().warmUp();
  }

  /**
   * Whether a build of these command-line goals and phases reaches a goal that runs segments:
   * {@code segment:run} (which forks the lifecycle that runs this), or a phase from {@code
   * integration-test} on, where {@code segment:integration-test} is bound.
   */
  static boolean runsSegments(List<String> goals) {
    for (String task : goals) {
      // an execution id (segment:run@ci) names the same goal
      String goal = task.contains("@") ? task.substring(0, task.indexOf('@')) : task;
      // Maven 4's phases before and after a phase (after:integration-test) run that phase
      for (String prefix : List.of("before:", "after:")) {
        if (goal.startsWith(prefix)) {
          goal = goal.substring(prefix.length());
        }
      }
      if (RUNS_SEGMENTS.contains(goal)) {
        return true;
      }
      String name = goal.substring(goal.lastIndexOf(':') + 1);
      boolean ours = goal.startsWith("segment:") || goal.contains("segment-maven-plugin:");
      if (ours && (name.equals("run") || name.equals("integration-test"))) {
        return true;
      }
    }
    return false;
  }
}
