package io.segmented.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmented.results.Outcome;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class VerdictTest {

  private static SegmentResult segment(
      String id, Outcome outcome, String message, List<TestResult> tests) {
    return new SegmentResult(
        id,
        "",
        List.of("orders", id),
        outcome,
        message,
        "2026-01-01T00:00:00Z",
        1,
        1,
        1,
        1,
        List.of(),
        tests);
  }

  private static RunResult run(SegmentResult... segments) {
    return new RunResult(
        1,
        "r",
        "m",
        "2026-01-01T00:00:00Z",
        1,
        RunResult.Totals.of(List.of(segments)),
        List.of(segments));
  }

  @Test
  void namesEverySegmentClassAndTestThatFailed() {
    RunResult result =
        run(
            segment("cache", Outcome.PASSED, "", List.of()),
            segment(
                "orders-db",
                Outcome.FAILED,
                "",
                List.of(
                    new TestResult(
                        "com.acme.RepoIT",
                        "saves",
                        TestOutcome.FAILED,
                        1,
                        "expected: <1> but was: <2>",
                        "",
                        ""),
                    new TestResult("com.acme.RepoIT", "finds", TestOutcome.PASSED, 1, "", "", ""))),
            segment(
                "payments",
                Outcome.FIXTURE_ERROR,
                "segment 'payments': fixture 'api' did not become ready",
                List.of()));

    MojoFailureException e =
        assertThrows(
            MojoFailureException.class,
            () -> Verdict.check(result, new File("target/segment-reports"), false));

    assertEquals(
        """
        2 of 3 segment(s) failed:
          segment 'orders-db' (orders \u2194 orders-db): FAILED
            com.acme.RepoIT.saves: expected: <1> but was: <2>
          segment 'payments' (orders \u2194 payments): FIXTURE-ERROR
            segment 'payments': fixture 'api' did not become ready
        See target/segment-reports for test output and fixture logs.""",
        e.getMessage());
  }

  @Test
  void passesWhenNothingFailed() throws Exception {
    Verdict.check(run(segment("cache", Outcome.PASSED, "", List.of())), new File("x"), true);
  }

  @Test
  void aFlakySegmentPassesUnlessFailOnFlakyIsSet() throws Exception {
    TestResult firstTry =
        new TestResult("com.acme.PayIT", "pays", TestOutcome.FAILED, 1, "timeout", "", "");
    RunResult result =
        run(
            segment(
                "payments",
                Outcome.FLAKY,
                "",
                List.of(
                    new TestResult(
                        "com.acme.PayIT",
                        "pays",
                        TestOutcome.FLAKY,
                        1,
                        "",
                        "",
                        "",
                        List.of(firstTry)))));

    Verdict.check(result, new File("x"), false);
    MojoFailureException e =
        assertThrows(MojoFailureException.class, () -> Verdict.check(result, new File("x"), true));

    assertEquals(
        """
        1 of 1 segment(s) failed:
          segment 'payments' (orders \u2194 payments): FLAKY
            com.acme.PayIT.pays: FLAKY, failed 1 of 2 attempts, first with: timeout
        Flaky tests fail this build because segment.failOnFlaky is set.
        See x for test output and fixture logs.""",
        e.getMessage());
  }
}
