package io.segmented.maven;

import io.segmented.engine.RunRequest;
import io.segmented.engine.UnsupportedManifestException;
import io.segmented.engine.change.ChangeSelection;
import io.segmented.engine.fixture.DockerProbe;
import io.segmented.engine.history.History;
import io.segmented.engine.plan.Plan;
import io.segmented.engine.plan.PlanText;
import io.segmented.engine.plan.Planner;
import io.segmented.engine.plan.RunOrder;
import io.segmented.engine.plan.Selection;
import io.segmented.engine.plan.Shard;
import io.segmented.engine.plan.TestFilter;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.SegmentSpec;
import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints what {@code segment:run} would do, and why, without starting anything: which segments run
 * (by {@code -Dsegment} and {@code -Dsegment.changedSince}) and why each is selected or left out;
 * each selected segment's fixtures with kind, provider, image or command and reuse, and the order
 * they start in; the order and parallelism of the segments; and the images the run needs, with
 * whether the Docker engine has them. Asks Docker only when a fixture's provider is {@code auto} or
 * an image is needed, and starts no container, process or JVM. Needs no compiled classes.
 *
 * @since 0.1.0
 */
@Mojo(name = "plan", threadSafe = true)
public final class PlanMojo extends AbstractSegmentMojo {

  /**
   * Plans only the segments whose id matches one of these comma-separated patterns ({@code *} any
   * characters, {@code ?} one), as {@code -Dsegment=orders-*,payments}. A pattern that matches no
   * segment fails, as it fails the run.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.SELECTION)
  String segments;

  /**
   * Plans only the segments that the changes since this git ref touch, as {@code
   * -Dsegment.changedSince=origin/main}, with the same rules as {@code segment:run}; the plan lists
   * the changed files and, for every segment, the change that selects it or why none does.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.CHANGED_SINCE)
  String changedSince;

  /**
   * Plans every fixture whose kind has a choice ({@code postgres}, {@code wiremock}) with this
   * provider: {@code embedded}, {@code container} or {@code auto}, as the run would.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.PROVIDER)
  String provider;

  /**
   * How many segments the run would run at once; by default as many as the run would choose.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.PARALLEL)
  Integer parallel;

  /**
   * Plans only this CI job's share of the selected segments ({@code 2/3}), as the run would share
   * them out with the same history file.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.SHARD)
  String shard;

  /**
   * The order the run would start the segments in: {@code history}, {@code failedfirst}, {@code
   * balanced} or {@code manifest}, as {@code segment:run}'s {@code runOrder}.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.RUN_ORDER, defaultValue = "history")
  String runOrder;

  /**
   * Plans as a run with this {@code -Dit.test} would: segments none of whose compiled test classes
   * match are left out. Needs the compiled test classes; without them the plan says so and ignores
   * it.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.IT_TEST)
  String test;

  /** The module's compiled test classes, for {@code -Dit.test}. */
  @Parameter(
      defaultValue = "${project.build.testOutputDirectory}",
      readonly = true,
      required = true)
  File testClassesDirectory;

  /** The history file the run would balance shards and order segments by. */
  @Parameter(
      property = PropertyNames.HISTORY,
      defaultValue = "${project.build.directory}/segment-history.json")
  File historyFile;

  @Override
  protected void executeWithManifest() throws MojoExecutionException, MojoFailureException {
    TestcontainersLogging.quiet(getLog());
    Manifest loaded = loadManifest();
    History history = history();
    Plan plan;
    try (DockerProbe docker = DockerProbe.local()) {
      Optional<ChangeSelection> change =
          ChangedSince.read(changedSince, loaded, project.getBasedir().toPath());
      plan =
          Planner.plan(
              loaded,
              withShard(loaded, withTestFilter(loaded, Selection.parse(segments)), change, history),
              change,
              AbstractRunMojo.providerOverride(provider),
              parallel == null ? RunRequest.defaultParallelism() : parallel,
              docker);
    } catch (UnsupportedManifestException e) {
      throw new MojoFailureException(manifest + ": " + e.getMessage(), e);
    }
    try {
      plan = plan.startingIn(RunOrder.parse(runOrder), history);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    PlanText.lines(plan).forEach(getLog()::info);
  }

  /** The selection less the segments {@code -Dit.test} leaves out, as the run would. */
  private Selection withTestFilter(Manifest loaded, Selection selection)
      throws MojoFailureException, MojoExecutionException {
    TestFilter filter;
    try {
      filter = TestFilter.parse(test, null, null);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
    if (filter.patterns().isEmpty()) {
      return selection;
    }
    if (!testClassesDirectory.isDirectory()) {
      getLog()
          .warn(
              "-D"
                  + PropertyNames.IT_TEST
                  + " is not applied to the plan: there are no compiled test classes in "
                  + testClassesDirectory
                  + " yet (mvn test-compile first)");
      return selection;
    }
    try {
      return filter.narrow(selection, loaded, testClassesDirectory.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException(
          "cannot read the test classes in " + testClassesDirectory + ": " + e.getMessage(), e);
    }
  }

  private History history() throws MojoExecutionException {
    try {
      return History.read(historyFile.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /** The selection less the segments another CI job runs, when {@code -Dsegment.shard} is given. */
  private Selection withShard(
      Manifest loaded, Selection selection, Optional<ChangeSelection> change, History history)
      throws MojoExecutionException {
    Optional<Shard> share = AbstractRunMojo.parseShard(shard);
    if (share.isEmpty()) {
      return selection;
    }
    Selection narrowed = change.map(c -> c.narrow(selection)).orElse(selection);
    List<SegmentSpec> selected =
        loaded.segments().values().stream().filter(narrowed::selects).toList();
    List<SegmentSpec> mine = share.get().share(selected, history);
    Map<String, String> others = new LinkedHashMap<>();
    for (SegmentSpec s : selected) {
      if (!mine.contains(s)) {
        others.put(s.id(), "in another shard than -Dsegment.shard=" + share.get());
      }
    }
    return selection.without(others);
  }
}
