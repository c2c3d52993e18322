package io.segmented.results;

/** The outcome of a segment, as the results file, the log and the report name it. */
public enum Outcome {
  /** Every selected test passed. */
  PASSED,
  /** At least one test failed. */
  FAILED,
  /** Every test passed in the end, some only on a retry. */
  FLAKY,
  /** A fixture or a seed failed: not the tests' fault. */
  FIXTURE_ERROR,
  /**
   * The boundary's contract was broken: a double's stub or a request the tests sent it does not
   * match it, or the real provider answered one of its examples otherwise.
   */
  CONTRACT_MISMATCH,
  /** The segment ran past its timeout. */
  TIMED_OUT,
  /** The test JVM died, or the segment could not run its tests for another reason. */
  ERROR,
  /** The segment was not run. */
  SKIPPED;

  /** {@code FIXTURE-ERROR}, as people read it. */
  public String label() {
    return name().replace('_', '-');
  }

  /** Whether this outcome fails the build. */
  public boolean failsBuild() {
    return this != PASSED && this != FLAKY && this != SKIPPED;
  }
}
