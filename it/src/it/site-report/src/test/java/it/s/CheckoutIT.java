package it.s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CheckoutIT {

  @Test
  void reportsWhatBroke() {
    assertEquals("<paid>", "<script>alert(1)</script>", "payment state");
  }
}
