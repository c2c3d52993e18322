package io.segmented.engine.plan;

import io.segmented.engine.RunRequest;
import io.segmented.engine.change.ChangeSelection;
import io.segmented.engine.fixture.FixtureGraph;
import io.segmented.engine.fixture.Keeping;
import io.segmented.engine.history.History;
import io.segmented.manifest.DataScope;
import io.segmented.manifest.FixtureSpec;
import io.segmented.manifest.Problem;
import io.segmented.manifest.Provider;
import io.segmented.manifest.SegmentSpec;
import io.segmented.results.RunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run of one module does, decided once: which segments run and why each is left out, what
 * each starts and in which order, how many at once, and which images that needs. {@code
 * segment:plan} prints it and writes it as JSON; {@code segment:run} hands this same value to the
 * executor, which runs exactly its selected segments in its start order.
 *
 * @param request what the user asked, as given
 * @param segments every segment, in manifest order, selected or not
 * @param parallel how many segments run at once
 * @param change the changes the selection was narrowed by, with {@code -Dsegment.changedSince}
 * @param testFilter {@code -Dit.test}, {@code -Dgroups}: which tests run inside the segments
 * @param testFilterApplied whether {@code -Dit.test} narrowed the segments; false when there were
 *     no compiled test classes to match it against
 * @param shard {@code -Dsegment.shard}: this CI job's share of the selected segments
 * @param docker whether a Docker engine answers; empty when nothing needed to ask it
 * @param images the images the selected segments' container fixtures need, in order of first use
 * @param startOrder the selected segments' ids in the order the run starts them, and how that order
 *     was chosen; empty for the manifest's order
 * @param history the segments' recent outcomes and durations the plan was made with
 * @param keep {@code -Dsegment.keep}: how long the run keeps the fixtures it starts; empty for none
 */
public record Plan(
    RunRequest request,
    List<SegmentPlan> segments,
    int parallel,
    Optional<ChangeSelection> change,
    TestFilter testFilter,
    boolean testFilterApplied,
    Optional<Shard> shard,
    Optional<Boolean> docker,
    List<Image> images,
    Optional<StartOrder> startOrder,
    History history,
    Optional<Duration> keep) {

  public Plan {
    segments = List.copyOf(segments);
    images = List.copyOf(images);
  }

  /** The manifest the plan is made from. */
  public Path manifest() {
    return request.manifest().file();
  }

  /**
   * The manifest's warnings, such as a {@code ${...}} nothing resolves, in file order: {@code
   * segment:plan} and the run print them as {@code segment:validate} does.
   */
  public List<Problem> warnings() {
    return request.manifest().warnings();
  }

  /**
   * A start order other than the manifest's.
   *
   * @param how how it was chosen, in words
   * @param ids the selected segments' ids in that order
   */
  public record StartOrder(String how, List<String> ids) {
    public StartOrder {
      ids = List.copyOf(ids);
    }
  }

  /** The segments that run, in manifest order. */
  public List<SegmentPlan> selected() {
    return segments.stream().filter(SegmentPlan::selected).toList();
  }

  /** The segments that run, in the order the run starts them. */
  public List<SegmentPlan> inStartOrder() {
    List<SegmentPlan> selected = selected();
    if (startOrder.isEmpty()) {
      return selected;
    }
    Map<String, SegmentPlan> byId = new LinkedHashMap<>();
    selected.forEach(s -> byId.put(s.segment().id(), s));
    return startOrder.get().ids().stream().map(byId::get).toList();
  }

  /** The provider of every fixture a selected segment starts, by fixture id. */
  public Map<String, Provider> providers() {
    Map<String, Provider> out = new LinkedHashMap<>();
    selected().forEach(s -> s.fixtures().forEach(f -> out.putIfAbsent(f.id(), f.provider())));
    return out;
  }

  /**
   * How many selected segments use each fixture the run shares, by fixture id: those with {@code
   * reuse: run} of a kind a run can share, used by more than one of the segments it runs.
   */
  public Map<String, Integer> sharedUsers() {
    Map<String, Integer> users = new LinkedHashMap<>();
    selected()
        .forEach(
            s ->
                s.fixtures().stream()
                    .filter(FixturePlan::shared)
                    .forEach(f -> users.merge(f.id(), 1, Integer::sum)));
    return users;
  }

  /**
   * Whether the run's shared containers need a network of their own: one of the fixtures it shares
   * depends on another, which it reaches by fixture id. Otherwise none is made: the segments reach
   * a shared container on their own networks, which it joins, or by its published port.
   */
  public boolean sharedNetwork() {
    return sharedUsers().keySet().stream()
        .anyMatch(id -> !request.manifest().fixture(id).dependsOn().isEmpty());
  }

  /**
   * The data scopes the segments seed on each fixture the run shares, by fixture id, then by
   * segment id: the templates of their databases on it, and the databases cloned from them, which
   * the server's snapshot holds. Those of every segment of the manifest that uses it, so that any
   * selection finds the same snapshot.
   */
  public Map<String, Map<String, DataScope>> sharedSeeds() {
    Map<String, Map<String, DataScope>> seeds = new LinkedHashMap<>();
    sharedUsers().keySet().forEach(id -> seeds.put(id, new LinkedHashMap<>()));
    // every segment of the manifest that seeds on it, selected or not: one snapshot of the server
    // for any selection, shard or change
    for (SegmentPlan s : segments) {
      for (FixtureSpec f : FixtureGraph.of(request.manifest(), s.segment())) {
        DataScope data = s.segment().data().get(f.id());
        if (seeds.containsKey(f.id()) && data != null && !data.seed().isEmpty()) {
          seeds.get(f.id()).put(s.segment().id(), data);
        }
      }
    }
    seeds.values().removeIf(Map::isEmpty);
    return seeds;
  }

  /** The ids of the fixtures the run starts in containers, in order of first use. */
  public List<String> containerFixtures() {
    List<String> out = new ArrayList<>();
    providers()
        .forEach(
            (id, p) -> {
              if (p == Provider.CONTAINER) {
                out.add(id);
              }
            });
    return out;
  }

  /**
   * failsafe's {@code failIfNoSpecifiedTests}: {@code -Dit.test} was given, something was selected
   * for it to narrow, and no test ran, without a segment failure to explain why. A shard may well
   * hold none of the tests, so a sharded run is not judged.
   */
  public boolean noSpecifiedTestRan(RunResult result) {
    return !testFilter.patterns().isEmpty()
        && shard.isEmpty()
        && segments.stream()
            .anyMatch(
                s ->
                    s.selected()
                        || s.decision().leftOutBy().equals(Optional.of(Selector.TEST_FILTER)))
        && result.totals().tests() == 0
        && result.segments().stream().noneMatch(s -> s.outcome().failsBuild());
  }

  /** The run's selection as the report shows it: {@code all}, or what narrowed it. */
  public String describeSelection() {
    List<String> parts = new ArrayList<>();
    Selection patterns = Selection.parse(request.segments());
    if (!patterns.patterns().isEmpty()) {
      parts.add("-Dsegment=" + patterns);
    }
    if (change.isPresent()) {
      parts.add("by change (-Dsegment.changedSince)");
    }
    if (testFilter.active()) {
      parts.add(testFilter.describe());
    }
    shard.ifPresent(s -> parts.add("shard " + s));
    return parts.isEmpty() ? "all" : String.join(", ", parts);
  }

  /**
   * One segment in the plan.
   *
   * @param segment the segment
   * @param decision whether it runs, and why
   * @param fixtures what it starts, dependencies included; empty when it is left out
   * @param startWaves fixture ids by wave: each wave starts in parallel once the one before is
   *     ready
   */
  public record SegmentPlan(
      SegmentSpec segment,
      Decision decision,
      List<FixturePlan> fixtures,
      List<List<String>> startWaves) {
    public SegmentPlan {
      fixtures = List.copyOf(fixtures);
      startWaves = startWaves.stream().map(List::copyOf).toList();
    }

    /** Whether it runs. */
    public boolean selected() {
      return decision.selected();
    }

    /** Why it runs, or why it is left out. */
    public String reason() {
      return decision.reason();
    }
  }

  /**
   * One fixture of a selected segment.
   *
   * @param id the fixture id
   * @param kind the kind key: {@code postgres}, {@code container}, ...
   * @param runs what runs: the image, the embedded server, or the process's command
   * @param provider how it is provided, {@code auto} resolved
   * @param reuse {@code segment}, or {@code run} for one instance the run shares
   * @param shared whether the run starts it once for every segment that uses it: {@code reuse:
   *     run}, a kind a run can share, and more than one of the run's segments use it (the only one
   *     starts it as its own)
   * @param shareable whether a run can share its kind at all (a WireMock double is a fresh server
   *     per segment even with {@code reuse: run})
   * @param keep the manifest's {@code keep}; empty when it does not say
   * @param kept with {@code -Dsegment.keep}, whether a kept one would be leased or one started and
   *     kept, as the engine tells before the run; empty when the run does not keep it
   * @param notKept with {@code -Dsegment.keep}, why the run does not keep it; empty when it does,
   *     or when the run keeps nothing
   */
  public record FixturePlan(
      String id,
      String kind,
      String runs,
      Provider provider,
      String reuse,
      boolean shared,
      boolean shareable,
      Optional<Boolean> keep,
      Optional<Keeping> kept,
      Optional<String> notKept) {}

  /**
   * An image the run needs.
   *
   * @param name the image as the manifest names it
   * @param present whether the Docker engine has it; empty when Docker does not answer
   * @param fixtureIds the fixtures that run it
   */
  public record Image(String name, Optional<Boolean> present, List<String> fixtureIds) {
    public Image {
      fixtureIds = List.copyOf(fixtureIds);
    }
  }
}
