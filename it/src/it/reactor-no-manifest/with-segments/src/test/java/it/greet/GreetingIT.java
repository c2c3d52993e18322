package it.greet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GreetingIT {

  @Test
  void greets() {
    assertEquals("greeting", System.getProperty("segment.id"));
  }
}
