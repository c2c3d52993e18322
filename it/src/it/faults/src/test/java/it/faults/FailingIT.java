package it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FailingIT {

  /** A failure whose message is markup: the report must show it as text. */
  @Test
  void rendersMarkupAsText() {
    assertEquals("<b>total</b>", "<script>alert(1)</script>", "the page must not run this");
  }
}
