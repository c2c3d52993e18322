package it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FineIT {

  @Test
  void stillRuns() {
    assertEquals("fine", System.getProperty("segment.id"));
  }
}
