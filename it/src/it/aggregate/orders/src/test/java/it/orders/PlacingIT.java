package it.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlacingIT {

  @Test
  void placesAnOrder() {
    assertEquals(2, 1 + 1);
  }
}
