package io.segmented.engine.run;

import io.segmented.engine.TestRuntime;
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

/**
 * Runs begun ahead of their goal, one per module of this JVM: {@code segment:warm-up} plans the run
 * while Maven compiles and starts its first segments' fixtures; {@code segment:run} takes the start
 * over when its own plan starts the same, and otherwise stops it and starts afresh. A start no run
 * takes is stopped when the JVM exits (its cleanup's shutdown hook), when the module's next start
 * replaces it, when its run goal fails before it runs, or after {@link #UNCLAIMED}, whichever comes
 * first.
 */
final class HeadStarts {

  /** How long a start waits for its run before it stops by itself (a long-lived JVM, mvnd). */
  static final Duration UNCLAIMED = Duration.ofMinutes(10);

  private static final Map<Path, Making> STARTS = new ConcurrentHashMap<>();

  private HeadStarts() {}

  /** Makes a start; changes things only inside its guard. */
  interface Maker {
    Optional<RunStart> make(Making.Guard guard) throws Exception;
  }

  /**
   * One start being made. Its maker changes things (clears results, starts fixtures) only inside
   * {@link Guard#ifWanted}, so that a run that gives up on it, and then waits for {@link
   * #finished}, never starts beside it.
   */
  static final class Making {
    private final CompletableFuture<Optional<RunStart>> start = new CompletableFuture<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final Object lock = new Object();

    /** What a maker holds while it changes things. */
    interface Guard {
      /** Runs {@code step} unless the start was given up on; returns empty when it was. */
      <T> Optional<T> ifWanted(Step<T> step) throws Exception;
    }

    /** A step of the making. */
    interface Step<T> {
      T run() throws Exception;
    }

    private final Guard guard =
        new Guard() {
          @Override
          public <T> Optional<T> ifWanted(Step<T> step) throws Exception {
            synchronized (lock) {
              if (start.isDone()) {
                return Optional.empty();
              }
              return Optional.of(step.run());
            }
          }
        };

    /** Gives the start up: stops it, now or as soon as it is made; waits until it is. */
    void discard() {
      synchronized (lock) {
        if (!start.cancel(false)) {
          start.join().ifPresent(RunStart::close);
        }
      }
      finished.join();
    }
  }

  /**
   * Makes a start of {@code moduleDir}'s run on a thread of its own; one that fails to be made is
   * none (the run says what is wrong when it gets there). A run that comes meanwhile waits for it.
   */
  static void begin(Path moduleDir, Maker maker) {
    Making making = new Making();
    Making before = STARTS.put(moduleDir, making);
    daemon(
        "segment-head-start",
        () -> {
          Optional<RunStart> made = Optional.empty();
          try {
            if (before != null) {
              // the module's earlier start (a second warm-up in the build): stopped first, so
              // that the two never start the same fixtures at once
              before.discard();
            }
            made = maker.make(making.guard);
          } catch (Throwable e) {
            // none: the run says what is wrong
          } finally {
            try {
              if (!making.start.complete(made)) {
                // given up on meanwhile
                made.ifPresent(RunStart::close);
              }
            } catch (Throwable e) {
              // its cleanup's hook and the next run's sweep remove what is left
            } finally {
              making.finished.complete(null);
            }
          }
        });
    CompletableFuture.delayedExecutor(UNCLAIMED.toMillis(), TimeUnit.MILLISECONDS)
        .execute(
            () -> {
              if (STARTS.remove(moduleDir, making)) {
                making.discard();
              }
            });
  }

  /**
   * What a run found begun ahead of it.
   *
   * @param start the start it takes over; empty when there was none, or one it dropped
   * @param dropped why it dropped a start it found; empty when it found none or took it
   * @param droppedEvents what the dropped start's setup had to say (an earlier run's leftovers
   *     removed), for the run's listener
   */
  record Taken(
      Optional<RunStart> start,
      Optional<String> dropped,
      Optional<SerializedListener> droppedEvents) {
    static Taken none() {
      return new Taken(Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  /**
   * The start of {@code plan}'s module, when it starts what {@code plan} does; a start that does
   * not is stopped first. A start still being made is waited for however long it takes (its steps
   * are bounded by the fixtures' own limits): giving up on it would not end sooner, since a run
   * never starts beside a start it dropped, but waits until that one is stopped, and would then
   * begin again what was almost made.
   */
  static Taken take(Plan plan) {
    // claimed: neither the expiry nor a later start of the module can stop it from now on
    Making making = STARTS.remove(plan.request().moduleDir());
    if (making == null) {
      return Taken.none();
    }
    Optional<RunStart> start;
    try {
      start = making.start.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      making.discard();
      return Taken.none();
    } catch (CancellationException | ExecutionException e) {
      making.finished.join();
      return Taken.none();
    }
    making.finished.join();
    if (start.isEmpty()) {
      return Taken.none();
    }
    Optional<String> unlike = start.get().unlike(plan);
    if (unlike.isPresent()) {
      start.get().close();
      return new Taken(Optional.empty(), unlike, Optional.of(start.get().events()));
    }
    return new Taken(start, Optional.empty(), Optional.empty());
  }

  /**
   * The tests of {@code moduleDir} are compiled, and run with {@code runtime}: the start's test
   * JVMs discover them, now or as soon as it is made, unless they were made of another runtime
   * ({@link RunStart#testsWith}). Returns at once.
   */
  static void testsCompiled(Path moduleDir, TestRuntime runtime) {
    Making making = STARTS.get(moduleDir);
    if (making != null) {
      making.start.thenAccept(start -> start.ifPresent(s -> s.testsWith(runtime)));
    }
  }

  /** Stops the start of {@code moduleDir}, if there is one: its run goal will not come. */
  static void drop(Path moduleDir) {
    Making making = STARTS.remove(moduleDir);
    if (making != null) {
      try {
        making.discard();
      } catch (RuntimeException e) {
        // its cleanup's hook and the next run's sweep remove what is left
      }
    }
  }

  private static void daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
  }
}
