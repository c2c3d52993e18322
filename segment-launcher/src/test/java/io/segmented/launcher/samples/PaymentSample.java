package io.segmented.launcher.samples;

import org.junit.jupiter.api.Test;

/** Tests for {@code TestPatternFilterTest} to discover, never run: not named like a test. */
public class PaymentSample {

  @Test
  void chargesCard() {}

  @Test
  void createsInvoice() {}
}
