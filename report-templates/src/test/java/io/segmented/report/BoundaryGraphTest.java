package io.segmented.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.report.HtmlReport.BoundaryGraph;
import io.segmented.report.HtmlReport.BoundaryGraph.Box;
import io.segmented.report.HtmlReport.BoundaryGraph.Edge;
import io.segmented.results.Outcome;
import io.segmented.results.SegmentResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The boundary graph keeps every edge's label readable: apart from the others and the nodes. */
class BoundaryGraphTest {

  private static SegmentResult segment(String id, String a, String b, Outcome outcome) {
    return new SegmentResult(
        id,
        "",
        List.of(a, b),
        outcome,
        "",
        "2026-11-26T10:00:00Z",
        1,
        1,
        1,
        1,
        List.of(),
        List.of());
  }

  private static void assertLabelsApart(BoundaryGraph graph) {
    List<Box> boxes = new ArrayList<>();
    for (BoundaryGraph.Node n : graph.nodes()) {
      boxes.add(Box.text(n.name(), n.x(), n.y() + 22));
    }
    for (Edge e : graph.edges()) {
      Box label = e.labelBox();
      assertTrue(label.inside(graph.width(), graph.height()), e + " leaves the picture");
      for (Box other : boxes) {
        assertTrue(!label.meets(other), e.label() + " meets " + other);
      }
      boxes.add(label);
    }
  }

  @Test
  void twoBoundariesOfOneSideAsInTheOrdersDemo() {
    BoundaryGraph graph =
        BoundaryGraph.of(
            List.of(
                segment("orders-db", "orders", "orders-db", Outcome.PASSED),
                segment("catalog-http", "orders", "catalog", Outcome.PASSED)));

    assertEquals(2, graph.edges().size());
    assertLabelsApart(graph);
  }

  @Test
  void manySegmentsOnOneHubAndTwoOnOneBoundary() {
    List<SegmentResult> segments = new ArrayList<>();
    for (String side : List.of("orders-db", "catalog", "payments", "stock", "mail", "search")) {
      segments.add(segment("orders-" + side, "orders", side, Outcome.FIXTURE_ERROR));
    }
    segments.add(segment("orders-db-again", "orders", "orders-db", Outcome.CONTRACT_MISMATCH));

    assertLabelsApart(BoundaryGraph.of(segments));
  }

  @Test
  void theStartIsWrittenToTheSecond() {
    assertEquals("2026-12-01 15:02:08 UTC", HtmlReport.readable("2026-12-01T15:02:08.123456789Z"));
    assertEquals("yesterday", HtmlReport.readable("yesterday"));
  }
}
