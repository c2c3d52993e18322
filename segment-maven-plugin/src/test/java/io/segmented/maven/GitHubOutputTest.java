package io.segmented.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.manifest.Position;
import io.segmented.manifest.Problem;
import io.segmented.results.Outcome;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubOutputTest {

  @TempDir Path repo;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final List<String> warnings = new ArrayList<>();

  private GitHubOutput output(Map<String, String> env) {
    return new GitHubOutput(
        env,
        new PrintStream(stdout, true, StandardCharsets.UTF_8),
        new SystemStreamLog() {
          @Override
          public void warn(CharSequence content) {
            warnings.add(content.toString());
          }
        },
        repo.resolve("elsewhere"));
  }

  private RunResult failedRun() {
    TestResult failed =
        new TestResult(
            "it.orders.OrderTotalsIT",
            "addsTax",
            TestOutcome.FAILED,
            30,
            "expected: <119> but was: <100>",
            "org.opentest4j.AssertionFailedError",
            "\tat it.orders.OrderTotalsIT.addsTax(OrderTotalsIT.java:23)\n");
    SegmentResult segment =
        new SegmentResult(
            "orders-db",
            "",
            List.of("orders", "orders-db"),
            Outcome.FAILED,
            "",
            "2026-01-01T00:00:00Z",
            1000,
            100,
            800,
            100,
            List.of(),
            List.of(failed));
    return new RunResult(
        1,
        "r",
        "orders",
        "2026-01-01T00:00:00Z",
        1000,
        RunResult.Totals.of(List.of(segment)),
        List.of(segment));
  }

  private Path module() throws Exception {
    Path module = repo.resolve("orders");
    Files.createDirectories(module.resolve("src/test/java/it/orders"));
    Files.writeString(module.resolve("src/test/java/it/orders/OrderTotalsIT.java"), "class");
    return module;
  }

  @Test
  void onGitHubActionsARunAppendsItsSummaryAndAnnotatesTheFailedTestsLine() throws Exception {
    Path module = module();
    Path summary = repo.resolve("summary.md");
    Files.writeString(summary, "earlier step\n");

    output(
            Map.of(
                "GITHUB_ACTIONS", "true",
                "GITHUB_STEP_SUMMARY", summary.toString(),
                "GITHUB_WORKSPACE", repo.toString()))
        .run(
            failedRun(),
            module.resolve("segments.yaml"),
            List.of(module.resolve("src/test/java")),
            module.resolve("target/segment-reports/index.html"));

    String md = Files.readString(summary);
    assertTrue(md.startsWith("earlier step\n### Segments of orders: 1 of 1 segments failed\n"), md);
    assertTrue(
        md.contains(
            "The full report (timeline, boundary graph, logs):"
                + " `orders/target/segment-reports/index.html`"),
        md);
    assertEquals(
        "::error file=orders/src/test/java/it/orders/OrderTotalsIT.java,line=23,title=segment"
            + " 'orders-db' (orders \u2194 orders-db)%3A it.orders.OrderTotalsIT.addsTax::expected:"
            + " <119> but was: <100>\n",
        stdout.toString(StandardCharsets.UTF_8));
  }

  @Test
  void manifestProblemsAreAnnotatedAtTheirLineAndColumn() throws Exception {
    Path manifest = repo.resolve("orders/segments.yaml");

    output(Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", repo.toString()))
        .manifestProblems(
            manifest,
            "orders",
            List.of(
                new Problem(
                    manifest,
                    new Position(24, 5),
                    "unknown key 'fixture' in 'orders-db'. Did you mean 'fixtures'?"),
                new Problem(manifest, Position.NONE, "the file is empty")));

    assertEquals(
        "::error file=orders/segments.yaml,line=24,col=5,title=segments.yaml%3A24%3A5::unknown key"
            + " 'fixture' in 'orders-db'. Did you mean 'fixtures'?\n"
            + "::error file=orders/segments.yaml,title=segments.yaml::the file is empty\n",
        stdout.toString(StandardCharsets.UTF_8));
  }

  @Test
  void outsideGitHubActionsNothingIsPrintedOrWritten() throws Exception {
    Path module = module();

    output(Map.of())
        .run(
            failedRun(),
            module.resolve("segments.yaml"),
            List.of(module.resolve("src/test/java")),
            module.resolve("target/segment-reports/index.html"));

    assertEquals("", stdout.toString(StandardCharsets.UTF_8));
    assertFalse(Files.exists(repo.resolve("summary.md")));
  }

  @Test
  void aSummaryThatCannotBeWrittenIsAWarningNotAFailure() throws Exception {
    Path module = module();
    Path notAFile = Files.createDirectories(repo.resolve("summary-dir"));

    output(Map.of("GITHUB_STEP_SUMMARY", notAFile.toString()))
        .run(
            failedRun(),
            module.resolve("segments.yaml"),
            List.of(module.resolve("src/test/java")),
            module.resolve("target/segment-reports/index.html"));

    assertEquals(1, warnings.size());
    assertTrue(
        warnings
            .get(0)
            .startsWith(
                "Could not append the segments' summary to GITHUB_STEP_SUMMARY=" + notAFile + ": "),
        warnings.get(0));
  }
}
