package it.cs.alpha;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AlphaIT {
  @Test
  void knowsItsName() {
    assertTrue(new Alpha().name().startsWith("alpha"));
  }
}
