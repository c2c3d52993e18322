package io.segmented.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetriesTest {

  private static TestResult test(String name, TestOutcome outcome) {
    return new TestResult("a.B", name, outcome, 1, outcome.name(), "", "");
  }

  @Test
  void onlyFailedTestsWithAUniqueIdAreRetried() {
    List<TestResult> tests =
        List.of(
            test("ok", TestOutcome.PASSED),
            test("bad", TestOutcome.FAILED),
            test("broken", TestOutcome.ERROR),
            test("unknown", TestOutcome.FAILED));
    assertEquals(
        List.of("[m:bad]", "[m:broken]"),
        Retries.toRetry(tests, Map.of("a.B.bad", "[m:bad]", "a.B.broken", "[m:broken]")));
  }

  @Test
  void aTestThatPassesOnItsRetryIsFlakyWithItsFailedAttempt() {
    List<TestResult> merged =
        Retries.merge(
            List.of(test("ok", TestOutcome.PASSED), test("bad", TestOutcome.FAILED)),
            List.of(test("bad", TestOutcome.PASSED)));

    assertEquals(TestOutcome.PASSED, merged.get(0).outcome());
    TestResult flaky = merged.get(1);
    assertEquals(TestOutcome.FLAKY, flaky.outcome());
    assertEquals(List.of(test("bad", TestOutcome.FAILED)), flaky.attempts());
  }

  @Test
  void aTestThatFailsAgainKeepsFailingWithEveryAttempt() {
    List<TestResult> once =
        Retries.merge(
            List.of(test("bad", TestOutcome.FAILED)), List.of(test("bad", TestOutcome.ERROR)));
    List<TestResult> twice = Retries.merge(once, List.of(test("bad", TestOutcome.FAILED)));

    assertEquals(TestOutcome.FAILED, twice.get(0).outcome());
    assertEquals(
        List.of(test("bad", TestOutcome.FAILED), test("bad", TestOutcome.ERROR)),
        twice.get(0).attempts());
  }

  @Test
  void aFailureTheRetryDidNotRunAgainStands() {
    List<TestResult> merged =
        Retries.merge(
            List.of(test("bad", TestOutcome.FAILED)), List.of(test("bad", TestOutcome.SKIPPED)));
    assertEquals(List.of(test("bad", TestOutcome.FAILED)), merged);
  }

  @Test
  void aClassWhoseSetUpFailedIsFlakyWhenItsRerunRuns() {
    List<TestResult> merged =
        Retries.merge(
            List.of(test(Retries.CLASS_SET_UP, TestOutcome.ERROR)),
            List.of(test("one", TestOutcome.PASSED)));
    assertEquals(TestOutcome.FLAKY, merged.get(0).outcome());
    assertEquals(test("one", TestOutcome.PASSED), merged.get(1));
  }
}
