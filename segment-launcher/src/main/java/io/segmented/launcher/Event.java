package io.segmented.launcher;

/** The kinds of events a forked test JVM reports, as the first field of each line. */
public enum Event {
  /**
   * Discovery is done; the second field is the number of tests found, the third how many the
   * segment's own selectors found before the build's {@code -Dit.test} and {@code -Dgroups} (looked
   * up only when those left none; otherwise the same).
   */
  RUN_STARTED,
  /** A test began: class, name. */
  TEST_STARTED,
  /**
   * A test ended: class, name, outcome (PASSED, FAILED, ERROR, SKIPPED), duration in ms, message,
   * exception type, stack trace, the JUnit Platform's unique id (which a retry selects it by).
   */
  TEST_FINISHED,
  /** A test was skipped: class, name, reason. */
  TEST_SKIPPED,
  /** Every test ran and the JVM is about to exit normally. */
  RUN_FINISHED
}
