package io.segmented.launcher.samples;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Tests for {@code TestPatternFilterTest} to discover, never run: not named like a test. */
public class OrderSample {

  @Test
  void createsOrder() {}

  @Test
  @Tag("slow")
  void cancelsOrder() {}

  @Test
  void listsOrders() {}

  @Nested
  class Refunds {
    @Test
    void refundsOrder() {}
  }
}
