package io.segmented.engine.result;

/**
 * The outcome of one test, with JUnit XML's distinction between a failed assertion and an error.
 */
public enum TestOutcome {
  PASSED,
  /** An assertion failed. */
  FAILED,
  /** The test threw something other than an assertion error, or could not run. */
  ERROR,
  SKIPPED
}
