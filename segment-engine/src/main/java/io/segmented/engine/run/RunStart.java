package io.segmented.engine.run;

import io.segmented.engine.fork.ClassData;
import io.segmented.engine.plan.Plan;
import io.segmented.manifest.SegmentSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a run sets up before its first segment: its id and lease on the Docker engine, the sweep of
 * what killed runs left behind, its cleanup, the fixtures it shares and keeps, its class data. A
 * run started ahead of its goal ({@link HeadStarts}) also holds its first segments' fixtures,
 * already starting, and its events until the goal takes it over.
 */
final class RunStart implements AutoCloseable {

  private final Plan plan;
  private final String runId;
  private final SerializedListener events;
  private final CompletableFuture<Void> sweep;
  private final Secrets secrets;
  private final Cleanup cleanup;
  private final FixtureSources fixtures;
  private final ClassData classData;
  private final Map<String, SegmentOpening> opened = new ConcurrentHashMap<>();
  private final Instant startedAt = Instant.now();
  private final long start = System.nanoTime();

  RunStart(
      Plan plan,
      String runId,
      SerializedListener events,
      CompletableFuture<Void> sweep,
      Secrets secrets,
      Cleanup cleanup,
      FixtureSources fixtures,
      ClassData classData) {
    this.plan = plan;
    this.runId = runId;
    this.events = events;
    this.sweep = sweep;
    this.secrets = secrets;
    this.cleanup = cleanup;
    this.fixtures = fixtures;
    this.classData = classData;
  }

  /**
   * Starts the fixtures of the plan's first segments, as many as run at once, each on a thread of
   * its own; stops at the first that cannot be opened (its lane opens it again and says why).
   */
  void openAhead(Ports ports) {
    List<Plan.SegmentPlan> first = plan.inStartOrder();
    for (Plan.SegmentPlan p : first.subList(0, Math.min(plan.parallel(), first.size()))) {
      SegmentSpec segment = p.segment();
      SegmentOpening opening;
      try {
        opening =
            SegmentOpening.open(
                plan.request(),
                segment,
                plan.providers(),
                fixtures,
                ports,
                runId,
                secrets,
                cleanup);
      } catch (RuntimeException e) {
        return;
      }
      opening.startAhead(events);
      opened.put(segment.id(), opening);
    }
  }

  /** The segments whose fixtures were started ahead and are not taken yet, in start order. */
  List<String> openedAhead() {
    return plan.inStartOrder().stream()
        .map(p -> p.segment().id())
        .filter(opened::containsKey)
        .toList();
  }

  /** The fixtures of {@code segmentId} started ahead of its lane, once; empty when none were. */
  Optional<SegmentOpening> take(String segmentId) {
    return Optional.ofNullable(opened.remove(segmentId));
  }

  /**
   * Whether {@code other} starts what this run's plan started: the same request, the same segments
   * in the same order and as many at once, each fixture provided and shared or kept alike. Only
   * then may its run take this start over.
   */
  boolean startsLike(Plan other) {
    return plan.request().equals(other.request())
        && plan.parallel() == other.parallel()
        && starts(plan).equals(starts(other));
  }

  /** Each selected segment in start order, with what each of its fixtures is. */
  private static List<List<Object>> starts(Plan plan) {
    return plan.inStartOrder().stream()
        .map(
            s ->
                List.<Object>of(
                    s.segment().id(),
                    s.fixtures().stream()
                        .map(
                            f ->
                                List.of(
                                    f.id(),
                                    f.kind(),
                                    f.runs(),
                                    f.provider(),
                                    f.shared(),
                                    f.kept().isPresent()))
                        .toList()))
        .toList();
  }

  Plan plan() {
    return plan;
  }

  Instant startedAt() {
    return startedAt;
  }

  /** When the run began, as {@link System#nanoTime}. */
  long start() {
    return start;
  }

  String runId() {
    return runId;
  }

  SerializedListener events() {
    return events;
  }

  CompletableFuture<Void> sweep() {
    return sweep;
  }

  Secrets secrets() {
    return secrets;
  }

  Cleanup cleanup() {
    return cleanup;
  }

  FixtureSources fixtures() {
    return fixtures;
  }

  ClassData classData() {
    return classData;
  }

  /**
   * Stops and removes everything of a start no run took over: its fixtures, its shared ones, what
   * its id labelled on the engine.
   */
  @Override
  public void close() {
    cleanup.close();
    sweep.exceptionally(e -> null).join();
  }
}
