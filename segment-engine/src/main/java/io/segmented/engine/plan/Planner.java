package io.segmented.engine.plan;

import io.segmented.engine.EngineException;
import io.segmented.engine.InputException;
import io.segmented.engine.PropertyNames;
import io.segmented.engine.RunRequest;
import io.segmented.engine.change.ChangeSelection;
import io.segmented.engine.fixture.DockerProbe;
import io.segmented.engine.fixture.FixtureFactory;
import io.segmented.engine.fixture.FixtureGraph;
import io.segmented.engine.fixture.ImageNames;
import io.segmented.engine.fixture.Keeping;
import io.segmented.engine.fixture.KeptFixtures;
import io.segmented.engine.fixture.Kinds;
import io.segmented.engine.fixture.SharedFixtures;
import io.segmented.engine.history.History;
import io.segmented.manifest.FixtureSpec;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.Provider;
import io.segmented.manifest.SegmentSpec;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Makes the {@link Plan} of a run, the one place where a run's decisions are made: reads and checks
 * the request's {@code -D} values, applies the selectors in order ({@code -Dsegment}, {@code
 * -Dsegment.changedSince}, {@code -Dit.test}, {@code -Dsegment.shard}), resolves each needed
 * fixture's provider (asking Docker only for {@code auto}, or when an image is needed), checks
 * which images are present, and picks the parallelism and the start order. Starts no container,
 * process or JVM.
 */
public final class Planner {

  private Planner() {}

  /**
   * @param request what the user asked
   * @param docker asked whether it answers and which images it has, only when that matters
   * @throws InputException a {@code -D} value cannot be read, a {@code -Dsegment} pattern selects
   *     no segment, or the manifest asks for what a run cannot do
   * @throws EngineException the history or the git repository cannot be read
   */
  public static Plan plan(RunRequest request, DockerProbe docker)
      throws InputException, EngineException {
    return plan(request, docker, Options.change(request));
  }

  /** As {@link #plan(RunRequest, DockerProbe)}, with the changes already read. */
  static Plan plan(RunRequest request, DockerProbe docker, Optional<ChangeSelection> change)
      throws InputException, EngineException {
    Manifest manifest = request.manifest();
    List<SegmentSpec> all = List.copyOf(manifest.segments().values());
    Selection selection = Selection.parse(request.segments());
    List<String> unmatched = selection.unmatched(all);
    if (!unmatched.isEmpty()) {
      throw new InputException(
          "-D"
              + PropertyNames.SELECTION
              + "="
              + selection
              + ": "
              + String.join(", ", unmatched)
              + " selects no segment. Segments: "
              + all.stream().map(SegmentSpec::id).collect(Collectors.joining(", ")));
    }
    TestFilter filter = Options.testFilter(request);
    Optional<Shard> shard = Options.shard(request);
    RunOrder order = Options.runOrder(request);
    Optional<Provider> providerOverride = Options.provider(request);
    History history = Options.history(request);
    Optional<Duration> keep = Options.keep(request);

    Selection narrowed = change.map(c -> c.narrow(selection)).orElse(selection);
    boolean filterApplied =
        filter.patterns().isEmpty() || Files.isDirectory(request.testClassesDir());
    if (!filter.patterns().isEmpty() && filterApplied) {
      narrowed = Options.narrow(filter, narrowed, request);
    }
    if (shard.isPresent()) {
      narrowed = withShard(narrowed, all, shard.get(), history);
    }

    Boolean[] dockerAnswers = {null};
    BooleanSupplier answers =
        () -> {
          if (dockerAnswers[0] == null) {
            dockerAnswers[0] = docker.answers();
          }
          return dockerAnswers[0];
        };
    // a fixture the run would share, but only one of its segments uses, is that segment's own
    Map<String, Integer> runUsers = new LinkedHashMap<>();
    for (SegmentSpec s : all) {
      if (narrowed.whyLeftOut(s).isEmpty()) {
        FixtureGraph.of(manifest, s).stream()
            .filter(SharedFixtures::shares)
            .forEach(f -> runUsers.merge(f.id(), 1, Integer::sum));
      }
    }
    Map<String, Provider> providers = new LinkedHashMap<>();
    Map<String, Optional<Keeping>> sharedKept = new LinkedHashMap<>();
    List<Plan.SegmentPlan> segments = new ArrayList<>();
    for (SegmentSpec s : all) {
      Optional<Decision> leftOut = narrowed.whyLeftOut(s);
      if (leftOut.isPresent()) {
        segments.add(new Plan.SegmentPlan(s, leftOut.get(), List.of(), List.of()));
        continue;
      }
      List<FixtureSpec> specs = FixtureGraph.of(manifest, s);
      List<Plan.FixturePlan> fixtures = new ArrayList<>();
      for (FixtureSpec f : specs) {
        Provider p =
            providers.computeIfAbsent(
                f.id(), id -> FixtureFactory.resolve(f, providerOverride, answers));
        boolean shared = runUsers.getOrDefault(f.id(), 0) > 1;
        boolean keeps =
            shared ? KeptFixtures.keepsShared(true, f, p) : KeptFixtures.keeps(true, f, p);
        Optional<Keeping> kept;
        if (keep.isEmpty() || !keeps || !answers.getAsBoolean()) {
          kept = Optional.empty();
        } else if (shared) {
          // one server for all its segments: the engine is asked once, not once per user
          kept =
              sharedKept.computeIfAbsent(
                  f.id(),
                  id -> docker.kept(request.moduleDir(), f, Optional.empty(), true, keep.get()));
        } else {
          kept =
              docker.kept(
                  request.moduleDir(),
                  f,
                  Optional.ofNullable(s.data().get(f.id())),
                  false,
                  keep.get());
        }
        Optional<String> notKept =
            keep.isEmpty()
                ? Optional.empty()
                : shared ? KeptFixtures.whyNotKeptShared(f, p) : KeptFixtures.whyNotKept(f, p);
        fixtures.add(fixture(f, p, shared, kept, notKept));
      }
      segments.add(
          new Plan.SegmentPlan(
              s,
              Decision.runs(whySelected(selection, change, narrowed, s)),
              fixtures,
              FixtureGraph.startWaves(specs)));
    }
    RunChecks.sharedDependencies(
        providers.keySet().stream().map(manifest::fixture).toList(), manifest);
    Map<String, List<String>> imageUsers = new LinkedHashMap<>();
    providers.forEach(
        (id, p) ->
            image(manifest.fixture(id), p)
                .ifPresent(i -> imageUsers.computeIfAbsent(i, k -> new ArrayList<>()).add(id)));
    if (providers.containsValue(Provider.CONTAINER)) {
      answers.getAsBoolean();
    }
    // the engine is asked about each image at once: one round trip, not one per image
    Map<String, CompletableFuture<Optional<Boolean>>> presence = new LinkedHashMap<>();
    for (String image : imageUsers.keySet()) {
      presence.put(
          image,
          answers.getAsBoolean() && ImageNames.problem(image).isEmpty()
              ? CompletableFuture.supplyAsync(
                      () -> Optional.of(docker.hasImage(image)), Planner::inItsOwnThread)
                  // an engine that does not say leaves the image not checked, as without one
                  .completeOnTimeout(
                      Optional.empty(), IMAGE_LIMIT.toMillis(), TimeUnit.MILLISECONDS)
                  .exceptionally(e -> Optional.empty())
              : CompletableFuture.completedFuture(Optional.empty()));
    }
    List<Plan.Image> images = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : imageUsers.entrySet()) {
      images.add(new Plan.Image(e.getKey(), presence.get(e.getKey()).join(), e.getValue()));
    }
    List<SegmentSpec> selected =
        segments.stream()
            .filter(Plan.SegmentPlan::selected)
            .map(Plan.SegmentPlan::segment)
            .toList();
    int parallel = request.parallel().orElseGet(RunRequest::defaultParallelism);
    int lanes = Math.max(1, Math.min(parallel, selected.size()));
    RunOrder.Arranged arranged = order.arrange(selected, history, lanes, request.failFast());
    List<SegmentSpec> sorted = arranged.segments();
    return new Plan(
        request,
        segments,
        lanes,
        change,
        filter,
        filterApplied,
        shard,
        Optional.ofNullable(dockerAnswers[0]),
        images,
        sorted.equals(selected)
            ? Optional.empty()
            : Optional.of(
                new Plan.StartOrder(arranged.how(), sorted.stream().map(SegmentSpec::id).toList())),
        history,
        keep);
  }

  /** {@code selection} less the segments another CI job runs. */
  private static Selection withShard(
      Selection selection, List<SegmentSpec> all, Shard shard, History history) {
    List<SegmentSpec> selected = all.stream().filter(selection::selects).toList();
    List<SegmentSpec> mine = shard.share(selected, history);
    Map<String, String> others = new LinkedHashMap<>();
    for (SegmentSpec s : selected) {
      if (!mine.contains(s)) {
        others.put(s.id(), "in another shard than -D" + PropertyNames.SHARD + "=" + shard);
      }
    }
    return selection.without(Selector.SHARD, others);
  }

  private static String whySelected(
      Selection selection, Optional<ChangeSelection> change, Selection narrowed, SegmentSpec s) {
    List<String> reasons = new ArrayList<>();
    if (!selection.patterns().isEmpty()) {
      reasons.add("matches -D" + PropertyNames.SELECTION + "=" + selection);
    }
    change.ifPresent(c -> reasons.add(c.decisions().get(s.id()).reason()));
    if (reasons.isEmpty()) {
      return narrowed.leftOut().isEmpty()
          ? "every segment runs (no -Dsegment, no -Dsegment.changedSince)"
          : "nothing left it out";
    }
    return String.join("; ", reasons);
  }

  /** How long the engine may take to say whether it has an image. */
  private static final Duration IMAGE_LIMIT = Duration.ofSeconds(10);

  private static void inItsOwnThread(Runnable r) {
    Thread t = new Thread(r, "segment-plan-image");
    t.setDaemon(true);
    t.start();
  }

  private static Plan.FixturePlan fixture(
      FixtureSpec f,
      Provider provider,
      boolean shared,
      Optional<Keeping> kept,
      Optional<String> notKept) {
    return new Plan.FixturePlan(
        f.id(),
        f.kind().key(),
        Kinds.of(f.kind()).runs(provider),
        provider,
        f.reuse().name().toLowerCase(Locale.ROOT),
        shared,
        Kinds.of(f.kind()).sharedByRun(),
        f.keep(),
        kept,
        notKept);
  }

  /** The image a fixture runs, when it runs in a container. */
  private static Optional<String> image(FixtureSpec f, Provider provider) {
    return Kinds.of(f.kind()).image(provider);
  }
}
