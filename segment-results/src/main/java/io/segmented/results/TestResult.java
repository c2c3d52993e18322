package io.segmented.results;

import java.util.List;

/**
 * One test of a segment.
 *
 * @param className the test class, fully qualified
 * @param name the test method, or {@code (class set-up)} when the class failed before its tests
 * @param outcome what happened
 * @param durationMillis how long the test ran
 * @param message the failure message; empty when it passed
 * @param type the exception class of the failure; empty when it passed
 * @param stackTrace the failure's stack trace; empty when it passed
 * @param attempts the earlier attempts, each failed, when the test was retried; oldest first
 */
public record TestResult(
    String className,
    String name,
    TestOutcome outcome,
    long durationMillis,
    String message,
    String type,
    String stackTrace,
    List<TestResult> attempts) {

  public TestResult {
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }

  /** A test that ran once. */
  public TestResult(
      String className,
      String name,
      TestOutcome outcome,
      long durationMillis,
      String message,
      String type,
      String stackTrace) {
    this(className, name, outcome, durationMillis, message, type, stackTrace, List.of());
  }

  /** {@code class.name}, as messages and retries name it. */
  public String key() {
    return className + "." + name;
  }

  /** This result after {@code earlier} failed attempts of the same test. */
  public TestResult after(List<TestResult> earlier) {
    return new TestResult(
        className, name, outcome, durationMillis, message, type, stackTrace, earlier);
  }
}
