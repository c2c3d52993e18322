package io.segmented.engine.run;

import io.segmented.manifest.SegmentSpec;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The test JVM of the segment that starts next, started ahead of it: when a segment takes its JVM,
 * and again when its tests begin, the JVM of the next segment in the start order is forked (unless
 * one waits already), and discovers and loads its tests while the lanes are busy. Forked only once
 * the tests began, it was not ready for a segment whose fixture is ready at once (a database its
 * shared server's snapshot holds): 0.36–0.64 s beyond its fixture and tests on the benchmark,
 * against 0.07–0.2 s forked at the take. That segment then only waits for its fixtures, which for a
 * fixture from a snapshot, Redis or a small container can be less than a JVM's start on few cores.
 * (On the benchmark it bought nothing measurable: what its JVMs waited for after the fixtures was
 * their tests' first use of their libraries, which no JVM can do ahead.)
 *
 * <p>At most one JVM waits ahead at a time. One that no segment takes (the run stopped, {@code
 * failFast}) is stopped when the run ends, with its files.
 */
final class JvmsAhead implements AutoCloseable {

  private final List<SegmentSpec> order;
  private final Function<SegmentSpec, Optional<SegmentTests.Started>> starter;
  private final Consumer<SegmentTests.Started> discard;
  private final Set<String> begun = new HashSet<>();
  private final Map<String, CompletableFuture<Optional<SegmentTests.Started>>> ahead =
      new LinkedHashMap<>();
  private boolean closed;

  /**
   * @param order the segments in the order the run starts them
   * @param starter starts a segment's test JVM beside its fixtures; empty when it cannot, or when
   *     the run is stopping
   * @param discard stops a JVM that no segment will take, and removes its files
   */
  JvmsAhead(
      List<SegmentSpec> order,
      Function<SegmentSpec, Optional<SegmentTests.Started>> starter,
      Consumer<SegmentTests.Started> discard) {
    this.order = List.copyOf(order);
    this.starter = starter;
    this.discard = discard;
  }

  /** None: every segment starts its own JVM beside its fixtures. */
  static JvmsAhead none() {
    return new JvmsAhead(List.of(), s -> Optional.empty(), s -> {});
  }

  /**
   * {@code segment} will not run (the run stops, {@code failFast}): its JVM, if any, is stopped.
   */
  void skip(SegmentSpec segment) {
    CompletableFuture<Optional<SegmentTests.Started>> started = begin(segment);
    if (started != null) {
      stop(started);
    }
  }

  /**
   * The JVM started ahead for {@code segment}, if any; else {@code own} starts one. Either way the
   * segment has begun, and no JVM is started ahead for it any more.
   */
  Optional<SegmentTests.Started> take(
      SegmentSpec segment, Supplier<Optional<SegmentTests.Started>> own) {
    CompletableFuture<Optional<SegmentTests.Started>> started = begin(segment);
    Optional<SegmentTests.Started> jvm =
        started == null ? Optional.empty() : started.exceptionally(e -> Optional.empty()).join();
    return jvm.isPresent() ? jvm : own.get();
  }

  /**
   * Marks {@code segment} begun, so that no JVM is started ahead for it any more; returns the one
   * started ahead for it, or null.
   */
  private synchronized CompletableFuture<Optional<SegmentTests.Started>> begin(
      SegmentSpec segment) {
    begun.add(segment.id());
    return ahead.remove(segment.id());
  }

  /** Starts the JVM of the next segment that has not begun, unless one waits already. */
  void startNext() {
    SegmentSpec next;
    synchronized (this) {
      if (closed || !ahead.isEmpty()) {
        return;
      }
      next =
          order.stream()
              .filter(s -> !begun.contains(s.id()) && !ahead.containsKey(s.id()))
              .findFirst()
              .orElse(null);
      if (next == null) {
        return;
      }
      SegmentSpec segment = next;
      ahead.put(
          segment.id(),
          CompletableFuture.supplyAsync(
              () -> starter.apply(segment),
              runnable -> {
                Thread t = new Thread(runnable, "segment-jvm-ahead-" + segment.id());
                t.setDaemon(true);
                t.start();
              }));
    }
  }

  /** Stops the JVMs no segment took, and removes their files: those segments never ran. */
  @Override
  public void close() {
    Map<String, CompletableFuture<Optional<SegmentTests.Started>>> left;
    synchronized (this) {
      closed = true;
      left = new LinkedHashMap<>(ahead);
      ahead.clear();
    }
    left.values().forEach(JvmsAhead.this::stop);
  }

  private void stop(CompletableFuture<Optional<SegmentTests.Started>> future) {
    future.exceptionally(e -> Optional.empty()).join().ifPresent(discard);
  }
}
