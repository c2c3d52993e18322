package io.segmented.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns JUnit Platform events into event lines: one per test start and end, one per top-level test
 * class's end with its time, and one for a test class whose set-up failed (reported as a failed
 * test named after the class, as failsafe does).
 */
final class EventListener implements TestExecutionListener {

  private final EventWriter events;
  private final Map<String, Long> startedNanos = new ConcurrentHashMap<>();
  private TestPlan plan;

  EventListener(EventWriter events) {
    this.events = events;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    this.plan = testPlan;
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    startedNanos.put(id.getUniqueId(), System.nanoTime());
    if (id.isTest()) {
      events.write(Event.TEST_STARTED, className(id), name(id));
    }
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    if (id.isTest()) {
      events.write(Event.TEST_SKIPPED, className(id), name(id), reason == null ? "" : reason);
    } else if (id.getSource().orElse(null) instanceof ClassSource) {
      plan.getChildren(id).forEach(child -> executionSkipped(child, reason));
    }
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    boolean isClass = id.getSource().orElse(null) instanceof ClassSource;
    // A container that fails (a class's set-up, a parameterized test's arguments, the engine
    // itself) is reported
    // like a failed test, or its failure would be lost and the segment would pass.
    boolean containerFailure =
        !id.isTest()
            && (result.getStatus() == TestExecutionResult.Status.FAILED
                || (isClass && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL));
    Long started = startedNanos.remove(id.getUniqueId());
    long millis = started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
    if (isClass && !nested(id)) {
      events.write(Event.CLASS_FINISHED, className(id), String.valueOf(millis));
    }
    if (!id.isTest() && !containerFailure) {
      return;
    }
    Optional<Throwable> error = result.getThrowable();
    events.write(
        Event.TEST_FINISHED,
        className(id),
        id.isTest() ? name(id) : isClass ? "(class set-up)" : name(id) + " (set-up)",
        outcome(result),
        String.valueOf(millis),
        error.map(Throwable::getMessage).orElse(""),
        error.map(t -> t.getClass().getName()).orElse(""),
        error.map(EventListener::stackTrace).orElse(""),
        id.getUniqueId());
  }

  /** Whether {@code id} is a class inside another test class ({@code @Nested}). */
  private boolean nested(TestIdentifier id) {
    return plan != null
        && plan.getParent(id)
            .flatMap(TestIdentifier::getSource)
            .filter(ClassSource.class::isInstance)
            .isPresent();
  }

  /** PASSED, FAILED (an assertion), ERROR (anything else thrown) or SKIPPED (aborted). */
  private static String outcome(TestExecutionResult result) {
    return switch (result.getStatus()) {
      case SUCCESSFUL -> "PASSED";
      case ABORTED -> "SKIPPED";
      case FAILED ->
          result.getThrowable().orElse(null) instanceof AssertionError ? "FAILED" : "ERROR";
    };
  }

  private String className(TestIdentifier id) {
    TestIdentifier current = id;
    while (current != null) {
      TestSource source = current.getSource().orElse(null);
      if (source instanceof MethodSource m) {
        return m.getClassName();
      }
      if (source instanceof ClassSource c) {
        return c.getClassName();
      }
      current = plan == null ? null : plan.getParent(current).orElse(null);
    }
    return id.getUniqueId();
  }

  private static String name(TestIdentifier id) {
    String name = id.getLegacyReportingName();
    return name.endsWith("()") ? name.substring(0, name.length() - 2) : name;
  }

  private static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
