package io.segmented.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmented.engine.TestSegments;
import io.segmented.manifest.SegmentSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {

  private static SegmentSpec segment(String id) {
    return TestSegments.named(id);
  }

  private static final List<SegmentSpec> SEGMENTS =
      List.of(segment("orders-db"), segment("orders-cache"), segment("payments"), segment("pay"));

  private static List<String> selected(String text) {
    Selection selection = Selection.parse(text);
    return SEGMENTS.stream().filter(selection::selects).map(SegmentSpec::id).toList();
  }

  @Test
  void selectsByIdAndGlob() {
    assertEquals(List.of("orders-db", "orders-cache", "payments"), selected("orders-*, payments"));
    assertEquals(List.of("pay"), selected("pa?"));
    assertEquals(List.of("orders-db", "orders-cache", "payments", "pay"), selected(""));
    assertEquals(List.of("orders-db", "orders-cache", "payments", "pay"), selected(null));
  }

  @Test
  void namesThePatternsThatSelectNothing() {
    assertEquals(
        List.of("order-db", "x*"), Selection.parse("order-db,payments,x*").unmatched(SEGMENTS));
  }
}
