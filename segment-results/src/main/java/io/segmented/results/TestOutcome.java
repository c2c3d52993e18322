package io.segmented.results;

/**
 * The outcome of one test, with JUnit XML's distinction between a failed assertion and an error.
 */
public enum TestOutcome {
  PASSED,
  /** An assertion failed. */
  FAILED,
  /** The test threw something other than an assertion error, or could not run. */
  ERROR,
  SKIPPED,
  /** It failed, then passed on a retry; its {@link TestResult#attempts()} hold the failures. */
  FLAKY;

  /** Whether the test failed or errored in the end. */
  public boolean failed() {
    return this == FAILED || this == ERROR;
  }
}
