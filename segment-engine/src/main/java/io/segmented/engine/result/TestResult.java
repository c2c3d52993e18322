package io.segmented.engine.result;

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
 */
public record TestResult(
    String className,
    String name,
    TestOutcome outcome,
    long durationMillis,
    String message,
    String type,
    String stackTrace) {}
