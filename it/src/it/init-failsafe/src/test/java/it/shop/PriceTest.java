package it.shop;

import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A unit test beside the integration tests: failsafe does not run it, and no segment may. */
class PriceTest {

  @Test
  void isNotAnIntegrationTest() {
    assertNull(System.getProperty("segment.id"), "a segment ran a unit test");
  }
}
