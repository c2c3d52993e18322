package io.segmented.engine.run;

import io.segmented.engine.EngineException;
import io.segmented.results.SegmentResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The run's lanes: at most {@code parallel} segments at once, each on a thread of its own, and
 * their teardowns on threads beside them, so that a lane takes the next segment as soon as a
 * segment's result is final.
 */
final class Lanes implements AutoCloseable {

  private final ExecutorService lanes;
  private final ExecutorService teardownThreads;
  private final List<Future<SegmentResult>> running = new ArrayList<>();
  private final Map<String, CompletableFuture<Long>> teardowns = new ConcurrentHashMap<>();

  Lanes(int parallel) {
    this.lanes = Executors.newFixedThreadPool(parallel, threads("segment-"));
    this.teardownThreads = Executors.newCachedThreadPool(threads("teardown-"));
  }

  /** Runs {@code segment} on the next free lane; a null result is a segment that did not start. */
  void submit(Callable<SegmentResult> segment) {
    running.add(lanes.submit(segment));
  }

  /** Stops {@code segmentId}'s fixtures beside the lanes. */
  void tearDown(String segmentId, SegmentRun.Ended ended) {
    teardowns.put(segmentId, CompletableFuture.supplyAsync(ended.teardown(), teardownThreads));
  }

  /** The results of the segments that ran, by id, once every lane is done. */
  Map<String, SegmentResult> awaitResults() throws EngineException {
    Map<String, SegmentResult> byId = new LinkedHashMap<>();
    for (Future<SegmentResult> f : running) {
      SegmentResult result = await(f);
      if (result != null) {
        byId.put(result.id(), result);
      }
    }
    return byId;
  }

  /** {@code results} with the time each segment's teardown took, once every teardown is done. */
  Map<String, SegmentResult> withTeardowns(Map<String, SegmentResult> results) {
    Map<String, SegmentResult> out = new LinkedHashMap<>(results);
    teardowns.forEach(
        (id, teardown) ->
            out.computeIfPresent(id, (k, r) -> r.withTeardownMillis(awaitTeardown(teardown))));
    return out;
  }

  /** Stops the lanes and waits for every teardown, also when the run was stopped. */
  @Override
  public void close() {
    lanes.shutdownNow();
    teardowns.values().forEach(t -> t.exceptionally(e -> 0L).join());
    teardownThreads.shutdown();
  }

  /** How long a segment's teardown took; 0 when it broke (the janitor removes what is left). */
  private static long awaitTeardown(CompletableFuture<Long> teardown) {
    try {
      return teardown.join();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static SegmentResult await(Future<SegmentResult> future) throws EngineException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("the run was interrupted", e);
    } catch (ExecutionException e) {
      throw new EngineException("a segment broke the run: " + e.getCause(), e.getCause());
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
