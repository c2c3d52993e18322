package io.segmented.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmented.results.GitHubActions.Annotation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GitHubActionsTest {

  private static SegmentResult segment(
      String id, List<String> between, Outcome outcome, String message, TestResult... tests) {
    return new SegmentResult(
        id,
        "",
        between,
        outcome,
        message,
        "2026-01-01T00:00:00Z",
        2500,
        400,
        1900,
        200,
        List.of(),
        List.of(tests));
  }

  private static final TestResult PASSED =
      new TestResult("it.orders.OrderIT", "saves", TestOutcome.PASSED, 12, "", "", "");
  private static final TestResult SKIPPED =
      new TestResult("it.orders.OrderIT", "later", TestOutcome.SKIPPED, 0, "disabled", "", "");
  private static final TestResult FAILED =
      new TestResult(
          "it.orders.OrderTotalsIT",
          "addsTax",
          TestOutcome.FAILED,
          30,
          "expected: <119> but was: <100>\nsecond line",
          "org.opentest4j.AssertionFailedError",
          """
          org.opentest4j.AssertionFailedError: expected: <119> but was: <100>
          \tat org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)
          \tat it.orders.OrderTotalsIT.addsTax(OrderTotalsIT.java:23)
          \tat java.base/java.lang.reflect.Method.invoke(Method.java:569)
          """);

  private static RunResult run(SegmentResult... segments) {
    return new RunResult(
        RunResult.SCHEMA_VERSION,
        "run-1",
        "orders",
        "2026-01-01T00:00:00Z",
        9000,
        RunResult.Totals.of(List.of(segments)),
        List.of(segments));
  }

  private static final RunResult RUN =
      run(
          segment("orders-db", List.of("orders", "orders-db"), Outcome.PASSED, "", PASSED, SKIPPED),
          segment("orders-db-2", List.of("orders", "orders-db"), Outcome.FAILED, "", FAILED),
          segment(
              "payments",
              List.of("orders", "payments"),
              Outcome.FIXTURE_ERROR,
              "fixture 'stubs' was not ready within 60s\nits log: logs/payments/stubs.log"));

  @Test
  void theStepSummaryHasARowPerBoundaryAndEachFailureWithItsFirstLine() {
    assertEquals(
        """
        ### Segments of orders: 2 of 3 segments failed

        | | Boundary | Segments | Outcome | Tests | Failed | Skipped | Time |
        |---|---|---|---|--:|--:|--:|--:|
        | \u2718 | orders \u2194 orders-db | `orders-db`, `orders-db-2` | FAILED | 3 | 1 | 1 | 5.0 s |
        | \u2718 | orders \u2194 payments | `payments` | FIXTURE-ERROR | 0 | 0 | 0 | 2.5 s |

        **Failures**

        - `orders-db-2` (orders \u2194 orders-db) `it.orders.OrderTotalsIT.addsTax`: expected: <119> but was: <100>
        - `payments` (orders \u2194 payments) FIXTURE-ERROR: fixture 'stubs' was not ready within 60s

        The full report (timeline, boundary graph, logs): `target/segment-reports/index.html`

        """,
        GitHubActions.stepSummary(RUN, "target/segment-reports/index.html"));
  }

  @Test
  void theStepSummaryListsTheAdviceOnCuttingSegmentsAfterTheFailures() {
    RunResult advised =
        RUN.withAdvice(
            List.of(
                new Advice.Merge("orders-db-2", "orders-db", List.of("db"), 3, 4000, 200),
                new Advice.OnlySkipped("legacy", 2)));

    String summary = GitHubActions.stepSummary(advised, "target/segment-reports/index.html");

    assertEquals(
        """
        - `payments` (orders \u2194 payments) FIXTURE-ERROR: fixture 'stubs' was not ready within 60s

        **Advice on cutting segments**

        - Merge segments: segment 'orders-db-2' spends 4.0 s on fixed cost (fixture start, test JVM) \
        for 0.2 s of tests (mean of 3 runs), and segment 'orders-db' starts the same fixtures (db): \
        merging 'orders-db-2' into 'orders-db' (its tests selectors into that boundary) would save \
        about 4.0 s
        - Only skipped tests: segment 'legacy' ran only skipped tests (2), so its fixtures and test \
        JVM started for nothing. Remove the segment, or enable its tests

        The full report (timeline, boundary graph, logs): `target/segment-reports/index.html`

        """,
        summary.substring(summary.indexOf("- `payments`")));
  }

  @Test
  void aRunWithoutFailuresSaysSoAndListsNoFailures() {
    RunResult passed =
        run(segment("orders-db", List.of("orders", "orders-db"), Outcome.PASSED, "", PASSED));

    assertEquals(
        """
        ### Segments of orders: no segment failed

        | | Boundary | Segments | Outcome | Tests | Failed | Skipped | Time |
        |---|---|---|---|--:|--:|--:|--:|
        | \u2714 | orders \u2194 orders-db | `orders-db` | PASSED | 1 | 0 | 0 | 2.5 s |

        The full report (timeline, boundary graph, logs): `report/index.html`

        """,
        GitHubActions.stepSummary(passed, "report/index.html"));
  }

  @Test
  void aFailedTestIsAnnotatedAtItsLineAndASegmentErrorAtTheManifest() {
    List<Annotation> annotations =
        GitHubActions.failures(
            RUN,
            className ->
                Optional.of("orders/src/test/java/" + className.replace('.', '/') + ".java"),
            "orders/segments.yaml");

    assertEquals(
        List.of(
            new Annotation(
                "orders/src/test/java/it/orders/OrderTotalsIT.java",
                23,
                0,
                "segment 'orders-db-2' (orders \u2194 orders-db): it.orders.OrderTotalsIT.addsTax",
                "expected: <119> but was: <100>\nsecond line"),
            new Annotation(
                "orders/segments.yaml",
                0,
                0,
                "segment 'payments' (orders \u2194 payments): FIXTURE-ERROR",
                "fixture 'stubs' was not ready within 60s\nits log: logs/payments/stubs.log")),
        annotations);
  }

  @Test
  void aTestWhoseSourceIsNotFoundIsAnnotatedWithoutAFile() {
    List<Annotation> annotations =
        GitHubActions.failures(RUN, className -> Optional.empty(), "segments.yaml");

    assertEquals("", annotations.get(0).file());
    assertEquals(0, annotations.get(0).line());
  }

  @Test
  void workflowCommandsEscapeTheirPropertiesAndData() {
    assertEquals(
        "::error file=orders/segments.yaml,line=12,col=5,title=segments.yaml%3A12%3A5::unknown key"
            + " 'fixture'. 100%25 sure%0Anext line",
        GitHubActions.errorCommand(
            new Annotation(
                "orders/segments.yaml",
                12,
                5,
                "segments.yaml:12:5",
                "unknown key 'fixture'. 100% sure\nnext line")));
    assertEquals(
        "::error title=segment 'a' (x \u2194 y)%2C test::boom",
        GitHubActions.errorCommand(
            new Annotation("", 3, 0, "segment 'a' (x \u2194 y), test", "boom")));
  }

  @Test
  void theLineIsTheTestClassesOwnFrameAlsoFromANestedClass() {
    TestResult nested =
        new TestResult(
            "it.orders.OrderIT$Refunds",
            "refunds",
            TestOutcome.ERROR,
            1,
            "boom",
            "java.lang.IllegalStateException",
            "java.lang.IllegalStateException: boom\n"
                + "\tat it.orders.Orders.refund(Orders.java:80)\n"
                + "\tat it.orders.OrderIT$Refunds.refunds(OrderIT.java:41)\n");

    assertEquals(41, GitHubActions.lineOf(nested));
    assertEquals(0, GitHubActions.lineOf(PASSED));
  }
}
