package io.segmented.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.results.FixtureResult;
import io.segmented.results.ModuleAggregate;
import io.segmented.results.Outcome;
import io.segmented.results.ResultsFiles;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page of a multi-module build's aggregate: every segment with its module, logs that open. */
class AggregateReportTest {

  @TempDir Path dir;

  @Test
  void eachSegmentShowsItsModuleItsLogAndHowToRerunItInItsModule() throws Exception {
    module("orders", "placing", Outcome.PASSED, TestOutcome.PASSED);
    module("billing", "invoicing", Outcome.FAILED, TestOutcome.FAILED);
    Path target = dir.resolve("target/segment-reports-aggregate");
    RunResult run =
        ModuleAggregate.aggregate(
            "shop",
            List.of(
                new ModuleAggregate.Module("orders", reports("orders")),
                new ModuleAggregate.Module("billing", reports("billing"))),
            target);

    String html =
        Files.readString(ReportsDirectory.write(target, ReportsDirectory.model(target, run)));

    assertTrue(html.contains("<h1>Segments of shop</h1>"), html);
    assertTrue(html.contains("<a href=\"#segment-billing/invoicing\">billing/invoicing</a>"), html);
    assertTrue(html.contains("<a href=\"logs/billing/invoicing/mailer.log\">"), html);
    assertTrue(
        html.contains("<pre>mailer of billing ready</pre>"), "the failed segment's log tail");
    assertTrue(html.contains("mvn -pl :billing segment:run -Dsegment=invoicing"), html);
    assertTrue(html.contains("mvn -pl :orders segment:run -Dsegment=placing"), html);
  }

  private Path reports(String module) {
    return dir.resolve(module).resolve("target/segment-reports");
  }

  private void module(String module, String id, Outcome outcome, TestOutcome test)
      throws Exception {
    SegmentResult segment =
        new SegmentResult(
            id,
            "",
            List.of(module, "mailer"),
            outcome,
            "",
            "2026-11-26T10:00:00Z",
            2500,
            1000,
            1200,
            300,
            List.of(
                new FixtureResult(
                    "mailer",
                    "process",
                    "sh",
                    "process",
                    "segment",
                    100,
                    "logs/" + id + "/mailer.log",
                    "")),
            List.of(new TestResult("a.MailIT", "sends", test, 3, "no", "", "")));
    ResultsFiles.write(
        reports(module),
        new RunResult(
            RunResult.SCHEMA_VERSION,
            "run-" + module,
            module,
            "2026-11-26T10:00:00Z",
            2500,
            RunResult.Totals.of(List.of(segment)),
            List.of(segment)));
    Path log = reports(module).resolve("logs/" + id + "/mailer.log");
    Files.createDirectories(log.getParent());
    Files.writeString(log, "mailer of " + module + " ready\n");
  }
}
