package io.segmented.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.results.FixtureResult;
import io.segmented.results.Outcome;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The report of a big run: 50 segments, 1,000 tests (one in ten failed with a stack trace), two
 * fixtures each. Prints the page's size and the median render time; asserts only that every segment
 * is on it. Off by default:
 *
 * <pre>mvn -pl report-templates test -Dbenchmark=true -Dtest=ReportSizeBenchmark</pre>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ReportSizeBenchmark {

  @Test
  void fiftySegmentsAndAThousandTests() throws Exception {
    List<SegmentResult> segments = new ArrayList<>();
    Instant start = Instant.parse("2026-11-26T10:00:00Z");
    for (int s = 0; s < 50; s++) {
      List<TestResult> tests = new ArrayList<>();
      for (int t = 0; t < 20; t++) {
        boolean failed = (s * 20 + t) % 10 == 0;
        tests.add(
            new TestResult(
                "com.acme.segment" + s + ".Boundary" + (t % 4) + "IT",
                "test" + t,
                failed ? TestOutcome.FAILED : TestOutcome.PASSED,
                40,
                failed ? "expected: <200> but was: <500>" : "",
                failed ? "org.opentest4j.AssertionFailedError" : "",
                failed ? "at com.acme.Client.call(Client.java:42)\n".repeat(30) : ""));
      }
      String id = "segment-" + s;
      segments.add(
          new SegmentResult(
              id,
              "",
              List.of("orders", "dependency-" + (s % 12)),
              tests.stream().anyMatch(t -> t.outcome() == TestOutcome.FAILED)
                  ? Outcome.FAILED
                  : Outcome.PASSED,
              "",
              start.plusMillis(s * 1500L).toString(),
              4000,
              1500,
              100,
              2000,
              400,
              List.of(
                  new FixtureResult(
                      "db",
                      "postgres",
                      "postgres:16",
                      "container",
                      "segment",
                      1500,
                      "logs/" + id + "/db.log",
                      ""),
                  new FixtureResult(
                      "api",
                      "wiremock",
                      "embedded WireMock",
                      "embedded",
                      "segment",
                      300,
                      "logs/" + id + "/api.log",
                      "")),
              tests));
    }
    RunResult run =
        new RunResult(
            1, "r", "orders", start.toString(), 80_000, RunResult.Totals.of(segments), segments);
    ReportModel model = new ReportModel(run, Map.of());
    List<Long> nanos = new ArrayList<>();
    String page = "";
    for (int i = 0; i < 25; i++) {
      StringWriter out = new StringWriter();
      long t = System.nanoTime();
      HtmlReport.render(model, name -> out);
      nanos.add(System.nanoTime() - t);
      page = out.toString();
    }
    nanos.sort(Long::compare);
    for (int s = 0; s < 50; s++) {
      assertTrue(page.contains("id=\"segment-segment-" + s + "\""));
    }
    System.out.printf(
        Locale.ROOT,
        "report of 50 segments, 1000 tests (100 failed): %.0f KiB, median render %.1f ms%n",
        page.getBytes(StandardCharsets.UTF_8).length / 1024.0,
        nanos.get(nanos.size() / 2) / 1e6);
  }
}
