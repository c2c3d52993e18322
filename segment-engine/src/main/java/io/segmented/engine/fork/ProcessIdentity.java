package io.segmented.engine.fork;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a process id still names the process it named when it was written down: the id is alive
 * and its process started when it was recorded to. The kernel gives a free id to the next process,
 * so an id alone may name another process by now. Used for the builds that own fixtures, the local
 * processes a run recorded, and the processes a test JVM's tests left running.
 */
public final class ProcessIdentity {

  /**
   * How far two readings of one process's start time may differ: the JDK derives it from the boot
   * time, which the kernel computes anew from the clock.
   */
  public static final Duration START_TOLERANCE = Duration.ofSeconds(2);

  private ProcessIdentity() {}

  /** Whether {@code process} is alive and started at {@code started} (when that is known). */
  public static boolean isSame(ProcessHandle process, Optional<Instant> started) {
    if (!process.isAlive()) {
      return false;
    }
    if (started.isEmpty()) {
      return true;
    }
    Optional<Instant> actual = process.info().startInstant();
    return actual.isEmpty()
        || Duration.between(actual.get(), started.get()).abs().compareTo(START_TOLERANCE) <= 0;
  }

  /** The process {@code pid} names, if it runs and started at {@code started} (when known). */
  public static Optional<ProcessHandle> find(long pid, Optional<Instant> started) {
    return ProcessHandle.of(pid).filter(p -> isSame(p, started));
  }
}
