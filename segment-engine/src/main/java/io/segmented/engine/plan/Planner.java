package io.segmented.engine.plan;

import io.segmented.engine.UnsupportedManifestException;
import io.segmented.engine.change.ChangeSelection;
import io.segmented.engine.fixture.DockerProbe;
import io.segmented.engine.fixture.FixtureFactory;
import io.segmented.engine.fixture.FixtureGraph;
import io.segmented.engine.fixture.Kinds;
import io.segmented.engine.fixture.SharedFixtures;
import io.segmented.manifest.FixtureSpec;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.Provider;
import io.segmented.manifest.SegmentSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Makes the {@link Plan} of a run: applies the selection as a run does, resolves each needed
 * fixture's provider (asking Docker only for {@code auto}, or when an image is needed), and checks
 * which images are present. Starts no container, process or JVM.
 */
public final class Planner {

  private Planner() {}

  /**
   * @param manifest the module's manifest
   * @param selection {@code -Dsegment}, not yet narrowed by the changes
   * @param change {@code -Dsegment.changedSince}'s decisions, when given
   * @param providerOverride {@code -Dsegment.provider}
   * @param parallel {@code segment.parallel}
   * @param docker asked whether it answers and which images it has, only when that matters
   * @throws UnsupportedManifestException a {@code -Dsegment} pattern selects no segment, as the run
   *     would refuse
   */
  public static Plan plan(
      Manifest manifest,
      Selection selection,
      Optional<ChangeSelection> change,
      Optional<Provider> providerOverride,
      int parallel,
      DockerProbe docker)
      throws UnsupportedManifestException {
    List<SegmentSpec> all = List.copyOf(manifest.segments().values());
    List<String> unmatched = selection.unmatched(all);
    if (!unmatched.isEmpty()) {
      throw new UnsupportedManifestException(
          "-Dsegment="
              + selection
              + ": "
              + String.join(", ", unmatched)
              + " selects no segment. Segments: "
              + all.stream().map(SegmentSpec::id).collect(Collectors.joining(", ")));
    }
    Selection narrowed = change.map(c -> c.narrow(selection)).orElse(selection);
    Boolean[] dockerAnswers = {null};
    BooleanSupplier answers =
        () -> {
          if (dockerAnswers[0] == null) {
            dockerAnswers[0] = docker.answers();
          }
          return dockerAnswers[0];
        };
    Map<String, Provider> providers = new LinkedHashMap<>();
    List<Plan.SegmentPlan> segments = new ArrayList<>();
    for (SegmentSpec s : all) {
      if (!narrowed.selects(s)) {
        segments.add(new Plan.SegmentPlan(s, false, narrowed.whyLeftOut(s), List.of(), List.of()));
        continue;
      }
      List<FixtureSpec> specs = FixtureGraph.of(manifest, s);
      List<Plan.FixturePlan> fixtures = new ArrayList<>();
      for (FixtureSpec f : specs) {
        Provider p =
            providers.computeIfAbsent(
                f.id(), id -> FixtureFactory.resolve(f, providerOverride, answers));
        fixtures.add(fixture(f, p));
      }
      segments.add(
          new Plan.SegmentPlan(
              s,
              true,
              whySelected(selection, change, s),
              fixtures,
              FixtureGraph.startWaves(specs)));
    }
    Map<String, List<String>> imageUsers = new LinkedHashMap<>();
    providers.forEach(
        (id, p) ->
            image(manifest.fixture(id), p)
                .ifPresent(i -> imageUsers.computeIfAbsent(i, k -> new ArrayList<>()).add(id)));
    List<Plan.Image> images = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : imageUsers.entrySet()) {
      Optional<Boolean> present =
          answers.getAsBoolean() ? Optional.of(docker.hasImage(e.getKey())) : Optional.empty();
      images.add(new Plan.Image(e.getKey(), present, e.getValue()));
    }
    long selected = segments.stream().filter(Plan.SegmentPlan::selected).count();
    return new Plan(
        manifest.file(),
        segments,
        (int) Math.max(1, Math.min(parallel, selected)),
        change,
        Optional.ofNullable(dockerAnswers[0]),
        images,
        Optional.empty());
  }

  private static String whySelected(
      Selection selection, Optional<ChangeSelection> change, SegmentSpec s) {
    List<String> reasons = new ArrayList<>();
    if (!selection.patterns().isEmpty()) {
      reasons.add("matches -Dsegment=" + selection);
    }
    change.ifPresent(c -> reasons.add(c.decisions().get(s.id()).reason()));
    if (reasons.isEmpty()) {
      return selection.leftOut().isEmpty()
          ? "every segment runs (no -Dsegment, no -Dsegment.changedSince)"
          : "nothing left it out";
    }
    return String.join("; ", reasons);
  }

  private static Plan.FixturePlan fixture(FixtureSpec f, Provider provider) {
    return new Plan.FixturePlan(
        f.id(),
        f.kind().key(),
        Kinds.of(f.kind()).runs(provider),
        provider,
        f.reuse().name().toLowerCase(Locale.ROOT),
        SharedFixtures.shares(f));
  }

  /** The image a fixture runs, when it runs in a container. */
  private static Optional<String> image(FixtureSpec f, Provider provider) {
    return Kinds.of(f.kind()).image(provider);
  }
}
