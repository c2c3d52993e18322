package io.segmented.engine.run;

import io.segmented.engine.plan.Plan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Runs begun ahead of their goal, one per module of this JVM: {@code segment:warm-up} plans the run
 * while Maven compiles and starts its first segments' fixtures; {@code segment:run} takes the start
 * over when its own plan starts the same, and otherwise stops it and starts afresh. A start no run
 * takes is stopped when the JVM exits (its cleanup's shutdown hook), when the module's next start
 * replaces it, or after {@link #UNCLAIMED}, whichever comes first.
 */
final class HeadStarts {

  /** How long a start waits for its run before it stops by itself (a long-lived JVM, mvnd). */
  static final Duration UNCLAIMED = Duration.ofMinutes(10);

  /** How long a run waits for a start still being made before it starts afresh. */
  private static final Duration MAKING = Duration.ofSeconds(30);

  private static final Map<Path, CompletableFuture<Optional<RunStart>>> STARTS =
      new ConcurrentHashMap<>();

  private HeadStarts() {}

  /** Makes a start; asks {@code wanted} before it changes anything. */
  interface Making {
    Optional<RunStart> make(BooleanSupplier wanted) throws Exception;
  }

  /**
   * Makes a start of {@code moduleDir}'s run on a thread of its own; one that fails to be made is
   * none (the run says what is wrong when it gets there). A run that comes meanwhile waits for it.
   */
  static void begin(Path moduleDir, Making making) {
    CompletableFuture<Optional<RunStart>> future = new CompletableFuture<>();
    CompletableFuture<Optional<RunStart>> before = STARTS.put(moduleDir, future);
    if (before != null) {
      before.cancel(false);
      before.thenAccept(s -> s.ifPresent(RunStart::close));
    }
    Thread t =
        new Thread(
            () -> {
              Optional<RunStart> made;
              try {
                made = making.make(() -> !future.isDone());
              } catch (Exception | LinkageError e) {
                made = Optional.empty();
              }
              if (!future.complete(made)) {
                // given up on meanwhile
                made.ifPresent(RunStart::close);
              }
            },
            "segment-head-start");
    t.setDaemon(true);
    t.start();
    CompletableFuture.delayedExecutor(UNCLAIMED.toMillis(), TimeUnit.MILLISECONDS)
        .execute(
            () -> {
              if (STARTS.remove(moduleDir, future)) {
                future.cancel(false);
                future.thenAccept(s -> s.ifPresent(RunStart::close));
              }
            });
  }

  /**
   * What a run found begun ahead of it.
   *
   * @param start the start it takes over; empty when there was none, or one it dropped
   * @param dropped whether there was a start that began another plan, now stopped
   */
  record Taken(Optional<RunStart> start, boolean dropped) {}

  /**
   * The start of {@code plan}'s module, when it starts what {@code plan} does; a start that does
   * not is stopped first.
   */
  static Taken take(Plan plan) {
    Path moduleDir = plan.request().moduleDir();
    CompletableFuture<Optional<RunStart>> future = STARTS.get(moduleDir);
    if (future == null) {
      return new Taken(Optional.empty(), false);
    }
    Optional<RunStart> start;
    try {
      start = future.get(MAKING.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | CancellationException | ExecutionException e) {
      start = Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      start = Optional.empty();
    } finally {
      STARTS.remove(moduleDir, future);
      future.cancel(false);
    }
    if (start.isPresent() && !start.get().startsLike(plan)) {
      start.get().close();
      return new Taken(Optional.empty(), true);
    }
    return new Taken(start, false);
  }
}
