package io.segmented.engine.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a run holds open (fixtures, test JVMs), so that a JVM shutdown on Ctrl-C stops all of it.
 * Registered as a shutdown hook for the length of a run.
 */
public final class Cleanup implements AutoCloseable {

  private final Set<AutoCloseable> open = new LinkedHashSet<>();
  private boolean closed;
  private final Runnable last;
  private final Runnable lateSweep;
  private final Thread hook;

  /**
   * @param last what to do after everything open is closed: remove what the run labelled
   * @param lateSweep on Ctrl-C only, after {@code last}: remove what was still being created then
   */
  Cleanup(Runnable last, Runnable lateSweep) {
    this.last = last;
    this.lateSweep = lateSweep;
    this.hook = new Thread(this::interrupted, "segment-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
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
    System.err.println(
        "[segment] The build is stopping (Ctrl-C or a signal): stopping the run's test JVMs and"
            + " fixtures, then removing its containers and networks");
    closeAll();
    lateSweep.run();
    System.err.println("[segment] Stopped; nothing of the run is left running");
  }

  private void closeAll() {
    List<AutoCloseable> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayList<>(open);
      open.clear();
    }
    for (int i = toClose.size() - 1; i >= 0; i--) {
      closeQuietly(toClose.get(i));
    }
    last.run();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Throwable e) {
      // keep closing the rest; the next run removes what is left by label
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
