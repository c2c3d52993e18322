package it.t;

import org.junit.jupiter.api.Test;

class HangingIT {

  @Test
  void waitsForever() throws Exception {
    Thread.sleep(600_000);
  }
}
