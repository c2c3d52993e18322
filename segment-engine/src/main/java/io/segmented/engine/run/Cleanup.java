package io.segmented.engine.run;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What a run holds open (fixtures, test JVMs), so that a JVM shutdown on Ctrl-C stops all of it.
 * Registered as a shutdown hook for the length of a run.
 */
public final class Cleanup implements AutoCloseable {

  private final Set<AutoCloseable> open = new LinkedHashSet<>();
  private boolean closed;
  private final Runnable last;
  private final BooleanSupplier lateSweep;
  private final Thread hook;

  /** What the shutdown hook says first: why everything is being stopped. */
  private volatile String stopping = STOPPING;

  /** What the shutdown hook of a run says first. */
  static final String STOPPING =
      "[segment] The build is stopping (Ctrl-C or a signal): stopping the run's test JVMs and"
          + " fixtures, then removing its containers and networks";

  /**
   * @param last what to do after everything open is closed: remove what the run labelled
   * @param lateSweep on Ctrl-C only, after {@code last}: remove what was still being created then;
   *     whether it then found nothing of the run left
   */
  Cleanup(Runnable last, BooleanSupplier lateSweep) {
    this.last = last;
    this.lateSweep = lateSweep;
    this.hook = new Thread(this::interrupted, "segment-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Makes the shutdown hook say {@code line} first, instead of the Ctrl-C message. */
  void saying(String line) {
    stopping = line;
  }

  /** Holds {@code c} until the run ends; once the run is stopping, closes it at once instead. */
  void add(AutoCloseable c) {
    synchronized (this) {
      if (!closed) {
        open.add(c);
        return;
      }
    }
    closeQuietly(c);
  }

  /** Whether the run is stopping (Ctrl-C) or over: no new segment starts. */
  synchronized boolean closed() {
    return closed;
  }

  synchronized void remove(AutoCloseable c) {
    open.remove(c);
  }

  /**
   * The build is going down mid-run (Ctrl-C, SIGTERM): say so on the console, where Maven's own log
   * may already be gone, then stop everything.
   */
  private void interrupted() {
    interrupted(HOOK_LIMIT);
  }

  /** What the hook says of what it could not stop or remove. */
  private static final String LEFT_TO_THE_NEXT_RUN =
      "the next run on this Docker engine removes what is left, by its labels (docker ps -a"
          + " --filter label=io.segmented.run-id lists them)";

  /** How long the shutdown hook may take to stop the run before it leaves the rest to the next. */
  static final Duration HOOK_LIMIT = Duration.ofSeconds(60);

  /**
   * How long the shutdown hook then waits for the run to write its results (its segments ended
   * ERROR, "stopped because the build was interrupted"): the earlier run's were removed when it
   * began, and the JVM ends with the hook.
   */
  static final Duration RESULTS_WAIT = Duration.ofSeconds(10);

  /** Whether the shutdown hook ran: the run was stopped by Ctrl-C or a signal. */
  private volatile boolean stoppedBySignal;

  private final CountDownLatch resultsWritten = new CountDownLatch(1);

  /** Whether a run that writes results holds this (not only a head start whose run never came). */
  private volatile boolean writesResults;

  /** A run took this over: it writes results, which a shutdown hook waits for. */
  void runWritesResults() {
    writesResults = true;
  }

  /** Whether the run was stopped by Ctrl-C or a signal. */
  boolean stoppedBySignal() {
    return stoppedBySignal;
  }

  /** The run wrote its results: a shutdown hook that waits for them may let the JVM end. */
  void resultsWritten() {
    resultsWritten.countDown();
  }

  /**
   * As the shutdown hook does, within {@code limit}: a Docker engine that no longer answers would
   * otherwise hold the build's exit for ever, and a second Ctrl-C cannot end a running hook.
   */
  void interrupted(Duration limit) {
    stoppedBySignal = true;
    say(stopping);
    Thread work = new Thread(this::stopAll, "segment-cleanup-work");
    work.setDaemon(true);
    work.start();
    try {
      work.join(limit.toMillis());
      if (!work.isAlive() && writesResults) {
        resultsWritten.await(RESULTS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (work.isAlive()) {
      say(
          "[segment] Still stopping after "
              + limit.toSeconds()
              + " s (the Docker engine does not answer?): "
              + LEFT_TO_THE_NEXT_RUN);
    }
  }

  private void stopAll() {
    int failed;
    boolean clean;
    try {
      failed = closeAll();
      clean = lateSweep.getAsBoolean();
    } catch (Throwable e) {
      // a class the removal needs that Maven's closed realm no longer gives, say
      say(
          "[segment] Could not remove all of the run ("
              + e
              + "): the next run on this Docker engine removes what is left, by its labels");
      return;
    }
    if (failed > 0 || !clean) {
      say(
          "[segment] Stopped, but "
              + (failed > 0
                  ? failed + " of the run's test JVMs or fixtures failed to stop"
                  : "the Docker engine still lists containers or networks of the run")
              + ": "
              + LEFT_TO_THE_NEXT_RUN);
      return;
    }
    say("[segment] Stopped; nothing of the run is left running");
  }

  /**
   * Writes a line to {@code System.err} (which {@code mvn -l} points at its log file), and when
   * that throws, straight to the standard error file descriptor: Maven wraps {@code System.err} in
   * Jansi's ANSI parser, which is not thread-safe and once threw mid-line when Maven's own threads
   * wrote at the same moment, ending this hook before it stopped anything. A failed write never
   * keeps the hook from stopping the run.
   */
  private static void say(String line) {
    try {
      System.err.println(line);
      System.err.flush();
    } catch (Throwable e) {
      try {
        @SuppressWarnings("resource") // closing it would close the process's stderr
        FileOutputStream err = new FileOutputStream(FileDescriptor.err);
        err.write((System.lineSeparator() + line + System.lineSeparator()).getBytes(UTF_8));
        err.flush();
      } catch (Throwable again) {
        // the console is gone; stopping matters more than saying so
      }
    }
  }

  /** Closes what is open, the last opened first, then {@link #last}; returns how many failed. */
  private int closeAll() {
    List<AutoCloseable> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayList<>(open);
      open.clear();
    }
    int failed = 0;
    for (int i = toClose.size() - 1; i >= 0; i--) {
      failed += closeQuietly(toClose.get(i)) ? 0 : 1;
    }
    last.run();
    return failed;
  }

  /** Closes {@code c}; false when that failed. */
  private static boolean closeQuietly(AutoCloseable c) {
    try {
      c.close();
      return true;
    } catch (Throwable e) {
      // keep closing the rest; the next run removes what is left by label
      return false;
    }
  }

  /** Ends the run normally: closes what is left and unregisters the hook. */
  @Override
  public void close() {
    closeAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook runs anyway
    }
  }
}
