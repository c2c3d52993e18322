package it.faults;

import org.junit.jupiter.api.Test;

class HaltingIT {

  @Test
  void halts() {
    Runtime.getRuntime().halt(7);
  }
}
