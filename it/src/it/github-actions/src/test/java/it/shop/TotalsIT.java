package it.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TotalsIT {

  @Test
  void includesTax() {
    int total = 100;
    assertEquals(119, total, "total with tax");
  }

  @Test
  void passesAlongside() {
    assertEquals(2, 1 + 1);
  }
}
