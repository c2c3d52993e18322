package it.cs.beta;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BetaIT {
  @Test
  void knowsItsName() {
    assertTrue(new Beta().name().startsWith("beta"));
  }
}
