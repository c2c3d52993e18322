package io.segmented.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.results.Advice;
import io.segmented.results.FixtureResult;
import io.segmented.results.Outcome;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page rendered in memory: what a person opening it after a red build must see. */
class HtmlReportTest {

  private static String render(RunResult run, Map<String, String> tails) throws Exception {
    Map<String, StringWriter> files = new HashMap<>();
    HtmlReport.render(
        new ReportModel(run, tails), path -> files.computeIfAbsent(path, p -> new StringWriter()));
    assertEquals(List.of(HtmlReport.INDEX), List.copyOf(files.keySet()));
    return files.get(HtmlReport.INDEX).toString();
  }

  private static SegmentResult segment(
      String id, String other, Outcome outcome, String message, List<TestResult> tests) {
    return new SegmentResult(
        id,
        "",
        List.of("orders", other),
        outcome,
        message,
        "2026-11-26T10:00:00Z",
        2500,
        1000,
        1200,
        300,
        List.of(
            new FixtureResult(
                other,
                "postgres",
                "postgres:16",
                "container",
                "segment",
                1000,
                "logs/" + id + "/" + other + ".log",
                "")),
        tests);
  }

  private static RunResult run(SegmentResult... segments) {
    return new RunResult(
        1,
        "r",
        "orders",
        "2026-11-26T10:00:00Z",
        5000,
        RunResult.Totals.of(List.of(segments)),
        List.of(segments));
  }

  @Test
  void aFailureShowsWhereToLookWithEverythingFromTestsEscaped() throws Exception {
    String html =
        render(
            run(
                segment(
                    "orders-db",
                    "orders-db",
                    Outcome.PASSED,
                    "",
                    List.of(
                        new TestResult("a.RepoIT", "saves", TestOutcome.PASSED, 5, "", "", ""))),
                segment(
                    "payments",
                    "payments-api",
                    Outcome.FAILED,
                    "",
                    List.of(
                        new TestResult(
                            "a.PayIT",
                            "charges",
                            TestOutcome.FAILED,
                            7,
                            "<script>alert(1)</script>",
                            "java.lang.AssertionError",
                            "at a.PayIT.charges(PayIT.java:12)")))),
            Map.of("logs/payments/payments-api.log", "GET /charge 500 <b>boom</b>"));

    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    assertFalse(html.contains("<script>"), "no script on the page, escaped or not");
    assertTrue(html.contains("GET /charge 500 &lt;b&gt;boom&lt;/b&gt;"));
    assertTrue(html.contains("<strong>a.PayIT.charges</strong>"));
    assertTrue(html.contains("mvn segment:run -Dsegment=payments"));
    assertTrue(html.contains("<h2 id=\"timeline\">Timeline</h2>"), "a timeline of the run");
    assertTrue(html.contains("Selection <strong>all</strong>"));
    assertTrue(
        html.contains(
            "Started <strong><time datetime=\"2026-11-26T10:00:00Z\">2026-11-26 10:00:00"
                + " UTC</time></strong>"));
    assertTrue(html.contains(">FAILED</span>") && html.contains(">PASSED</span>"));
    assertTrue(
        html.contains("payments: FAILED</text>"), "the boundary graph labels the broken edge");
    assertTrue(
        html.contains("<th scope=\"rowgroup\" rowspan=\"1\">orders \u2194 payments-api</th>"));
    assertFalse(
        html.contains("http://") || html.contains("https://"),
        "self-contained: no external resource");
  }

  @Test
  void theAdviceOnCuttingSegmentsIsListedWithItsSegmentsLinkedAndCounted() throws Exception {
    RunResult run =
        run(
            segment("orders-db", "db", Outcome.PASSED, "", List.of()),
            segment("orders-count", "db", Outcome.PASSED, "", List.of()));

    String none = render(run, Map.of());
    assertFalse(
        none.contains("id=\"advice\"") || none.contains("#advice"), "no advice, no section");

    String html =
        render(
            run.withAdvice(
                List.of(
                    new Advice.Merge("orders-count", "orders-db", List.of("db"), 2, 2300, 100),
                    new Advice.OnlySkipped("orders-db", 1))),
            Map.of());

    assertTrue(
        html.contains("<span>Advice <strong><a href=\"#advice\">2</a></strong></span>"), html);
    assertTrue(
        html.contains(
            """
            <h2 id="advice">Advice on cutting segments</h2>
            <ol class="advice">
              <li class="advice-merge"><strong>Merge segments</strong> (<a href="#segment-orders-count">\
            orders-count</a>, <a href="#segment-orders-db">orders-db</a>): segment &#39;orders-count&#39; \
            spends 2.3 s on fixed cost (fixture start, test JVM) for 0.1 s of tests (mean of 2 runs), \
            and segment &#39;orders-db&#39; starts the same fixtures (db): merging &#39;orders-count&#39; \
            into &#39;orders-db&#39; (its tests selectors into that boundary) would save about 2.3 s</li>
              <li class="advice-only-skipped"><strong>Only skipped tests</strong> (<a \
            href="#segment-orders-db">orders-db</a>): segment &#39;orders-db&#39; ran only skipped \
            tests (1), so its fixtures and test JVM started for nothing. Remove the segment, or enable \
            its tests</li>
            </ol>
            """),
        html);
  }

  @Test
  void aKeptFixtureIsMarkedWithHowItCame() throws Exception {
    SegmentResult plain = segment("orders-db", "db", Outcome.PASSED, "", List.of());
    SegmentResult kept =
        new SegmentResult(
            plain.id(),
            plain.description(),
            plain.between(),
            plain.outcome(),
            plain.message(),
            plain.startedAt(),
            plain.durationMillis(),
            plain.fixturesMillis(),
            plain.dataMillis(),
            plain.testsMillis(),
            plain.teardownMillis(),
            List.of(plain.fixtures().get(0).withKept("kept, 3 min old")),
            plain.tests());
    assertFalse(render(run(plain), Map.of()).contains("class=\"kept\""));
    assertTrue(
        render(run(kept), Map.of())
            .contains(
                "container <span class=\"kept\" title=\"-Dsegment.keep: kept between builds\">"
                    + "kept, 3 min old</span></td>"));
  }

  @Test
  void aPassingSegmentShowsNoLogTail() throws Exception {
    String html =
        render(
            run(segment("orders-db", "orders-db", Outcome.PASSED, "", List.of())),
            Map.of("logs/orders-db/orders-db.log", "database system is ready"));
    assertFalse(html.contains("database system is ready"));
    assertTrue(html.contains("Segments <strong>1</strong>, failed <strong>0</strong>"));
  }

  @Test
  void aBrokenContractHasABadgeOfItsOwnAndShowsEveryViolation() throws Exception {
    String message =
        "segment 'pricing': the stubs of its double broke contract contracts/pricing.yaml (1"
            + " violation):\n  src/it/wiremock/mappings/price.json: GET /prices/{sku} (getPrice):"
            + " stubbed body $: property 'discount' is not defined in the schema";
    String html =
        render(
            run(segment("pricing", "pricing", Outcome.CONTRACT_MISMATCH, message, List.of())),
            Map.of());
    assertTrue(
        html.contains(
            "<span class=\"badge contract-mismatch\" data-mark=\"\u2718\">CONTRACT-MISMATCH</span>"));
    assertTrue(html.contains(".contract-mismatch { background: var(--contract-mismatch); }"));
    assertTrue(html.contains("stroke=\"var(--contract-mismatch)\""));
    assertTrue(
        html.contains(
            "src/it/wiremock/mappings/price.json: GET /prices/{sku} (getPrice): stubbed body $:"
                + " property &#39;discount&#39; is not defined in the schema"));
  }

  @Test
  void aFlakyTestShowsEveryAttempt() throws Exception {
    TestResult firstTry =
        new TestResult(
            "a.PayIT", "refunds", TestOutcome.FAILED, 3, "expected <200>", "", "at first");
    String html =
        render(
            run(
                segment(
                    "payments",
                    "payments-api",
                    Outcome.FLAKY,
                    "",
                    List.of(
                        new TestResult(
                            "a.PayIT",
                            "refunds",
                            TestOutcome.FLAKY,
                            2,
                            "",
                            "",
                            "",
                            List.of(firstTry))))),
            Map.of());

    assertTrue(html.contains(">FLAKY</span>"), html);
    assertTrue(
        html.contains(
            "<strong>a.PayIT.refunds</strong>: FLAKY, failed 1 of 2 attempts, then passed"),
        html);
    assertTrue(html.contains("Attempt 1: FAILED, expected &lt;200&gt;"), html);
    assertTrue(html.contains("flaky <strong>1</strong>"), html);
  }
}
