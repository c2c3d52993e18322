package io.segmented.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.results.Advice;
import io.segmented.results.Outcome;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.maven.doxia.sink.impl.Xhtml5BaseSink;
import org.junit.jupiter.api.Test;

/** The summary the site shows inside its skin, rendered through a real Doxia sink. */
class SiteSummaryTest {

  private static SegmentResult segment(
      String id, String other, Outcome outcome, String message, TestResult... tests) {
    return new SegmentResult(
        id,
        "",
        List.of("shop", other),
        outcome,
        message,
        "2026-11-26T10:00:00Z",
        2500,
        1000,
        1200,
        300,
        List.of(),
        List.of(tests));
  }

  private static String render(RunResult run) {
    StringWriter html = new StringWriter();
    Xhtml5BaseSink sink = new Xhtml5BaseSink(html);
    new SiteSummary(sink, run, "segment-reports/index.html", "Segments").render();
    sink.close();
    // Doxia writes non-ASCII as character references and aligns cells with a style: read past both.
    return Pattern.compile("&#x([0-9a-fA-F]+);")
        .matcher(html.toString())
        .replaceAll(m -> Character.toString(Integer.parseInt(m.group(1), 16)))
        .replaceAll(" style=\"[^\"]*\"", "");
  }

  @Test
  void aRowPerBoundaryWithALinkToEachSegmentAndTheFailuresFirstLines() {
    List<SegmentResult> segments =
        List.of(
            segment(
                "checkout",
                "payments",
                Outcome.FAILED,
                "",
                new TestResult(
                    "it.s.CheckoutIT",
                    "pays",
                    TestOutcome.FAILED,
                    7,
                    "<script>alert(1)</script>\nmore",
                    "java.lang.AssertionError",
                    "")),
            segment("checkout-again", "payments", Outcome.PASSED, ""),
            segment(
                "stock",
                "stock-db",
                Outcome.FIXTURE_ERROR,
                "fixture 'db' never became ready\nlog"));
    RunResult run =
        new RunResult(
            1,
            "r",
            "shop",
            "2026-11-26T10:00:00.123456789Z",
            5000,
            RunResult.Totals.of(segments),
            segments);

    String html = render(run);

    assertTrue(html.contains("Segments of shop"), html);
    assertTrue(html.contains("Started 2026-11-26 10:00:00 UTC, wall time 5.0 s"), html);
    assertTrue(html.contains("<a href=\"segment-reports/index.html\">The full report</a>"), html);
    assertTrue(
        html.contains(
            "<a href=\"segment-reports/index.html#segment-checkout\">checkout</a>, <a"
                + " href=\"segment-reports/index.html#segment-checkout-again\">checkout-again</a>"),
        html);
    assertTrue(html.contains("<td>shop \u2194 payments</td>"), html);
    assertTrue(html.contains("<td>\u2718 FAILED</td>"), html);
    assertTrue(html.contains("<td>\u2718 FIXTURE-ERROR</td>"), html);
    assertTrue(html.contains("<td>5.0 s</td>"), "the boundary's two segments' time");
    assertTrue(
        html.contains("it.s.CheckoutIT.pays: &lt;script&gt;alert(1)&lt;/script&gt;</li>"), html);
    assertTrue(html.contains("FIXTURE-ERROR: fixture 'db' never became ready</li>"), html);
    assertFalse(html.contains("<script>"));
    assertFalse(html.contains("more"), "only the first line of a failure");
    assertFalse(html.contains("Advice"), "no advice, no section");

    String advised = render(run.withAdvice(List.of(new Advice.NoTests("stock"))));

    assertTrue(
        advised.contains(
            "<li>No test: segment 'stock' ran no test: its boundary's tests select none of the"
                + " module's test classes. Remove the segment, or make its tests selectors"
                + " match</li>"),
        advised);
    assertTrue(advised.contains(">Advice on cutting segments</"), advised);
    assertTrue(advised.contains("id=\"Advice_on_cutting_segments\""), "a section's anchor");
  }
}
