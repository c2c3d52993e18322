package io.segmented.maven;

import io.segmented.engine.EngineException;
import io.segmented.engine.PropertyNames;
import io.segmented.engine.SegmentEngine;
import io.segmented.engine.advice.Advisor;
import io.segmented.engine.plan.Plan;
import io.segmented.engine.plan.PlanText;
import io.segmented.manifest.Manifest;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Prints what {@code segment:run} would do, and why, without starting anything: the same plan the
 * run executes. Which segments run (by {@code -Dsegment}, {@code -Dsegment.changedSince}, {@code
 * -Dit.test} and {@code -Dsegment.shard}) and why each is selected or left out; each selected
 * segment's fixtures with kind, provider, image or command and reuse, and the order they start in;
 * the order and parallelism of the segments; and the images the run needs, with whether the Docker
 * engine has them. Also writes the plan as JSON to {@code segment-plan.json} in the reports
 * directory, for CI tools that build a job matrix from it. Asks Docker only when a fixture's
 * provider is {@code auto} or an image is needed, and starts no container, process or JVM. Ends
 * with the advice on cutting the segments that the measured runs in the history file give.
 *
 * @since 0.1.0
 */
@Mojo(name = "plan", threadSafe = true)
public final class PlanMojo extends AbstractPlanningMojo {

  @Override
  protected void executeWithManifest() throws MojoExecutionException, MojoFailureException {
    WithEngine.plan(this);
  }

  /** The goal's work with the engine's types, which its Mojo's class must not name (EngineJars). */
  private static final class WithEngine {

    static void plan(PlanMojo mojo) throws MojoExecutionException, MojoFailureException {
      TestcontainersLogging.quiet(mojo.getLog());
      SegmentEngine engine = new SegmentEngine();
      Manifest manifest = RunGoal.loadManifest(mojo);
      Plan plan = RunGoal.plan(engine, mojo.inputs().request(manifest));
      mojo.logWarnings(plan.warnings());
      if (!plan.testFilterApplied()) {
        mojo.getLog()
            .warn(
                "-D"
                    + PropertyNames.IT_TEST
                    + " is not applied to the plan: there are no compiled test classes in "
                    + mojo.testClassesDirectory
                    + " yet (mvn test-compile first)");
      }
      PlanText.lines(plan).forEach(mojo.getLog()::info);
      try {
        Path file = engine.writePlan(plan);
        mojo.getLog().info("Plan written to " + file);
      } catch (EngineException e) {
        throw new MojoExecutionException(e.getMessage(), e);
      }
      mojo.advise(Advisor.fromHistory(plan), "the measured runs in " + mojo.historyFile.toPath());
    }
  }
}
