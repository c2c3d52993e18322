package it.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BrokenIT {

  @Test
  void failsEveryTime() {
    assertEquals(1, 2, "broken for good");
  }
}
