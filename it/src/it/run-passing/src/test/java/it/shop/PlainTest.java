package it.shop;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/** A unit test no segment selects: it must not run in any segment. */
class PlainTest {

  @Test
  void isNotASegmentTest() {
    fail("selected although no segment names it");
  }
}
