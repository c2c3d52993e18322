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
  /**
   * A top-level test class ended: class, its wall time in ms from its start to its end, its set-up
   * and tear-down ({@code @BeforeAll}, {@code @AfterAll}, extensions) and nested classes included,
   * as surefire's {@code testsuite} time counts it.
   */
  CLASS_FINISHED,
  /**
   * Every test ran and the JVM is about to exit normally. Also told on the standard output ({@link
   * #LIVE_PREFIX}) once the events file is closed, so that the build can take the results while the
   * JVM still exits; there with the processes the tests started that still run, each as {@code
   * pid@start} (epoch milliseconds), which the build stops if the JVM's exit leaves them running.
   */
  RUN_FINISHED;

  /**
   * What begins a line of the JVM's standard output that tells of a failed test the moment it
   * failed, so that the build can say so while the segment still runs: then its {@link
   * #TEST_FINISHED} event, encoded as in the events file, with the first line of its message and no
   * stack trace. The events file, read when the JVM has ended, stays what the results are made of.
   */
  public static final String LIVE_PREFIX = ":segment-launcher-event: ";
}
