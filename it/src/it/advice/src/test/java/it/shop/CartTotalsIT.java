package it.shop;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class CartTotalsIT {

  @Test
  void hasItsCache() {
    assertNotNull(System.getProperty("fixtures.cache.port"));
  }
}
