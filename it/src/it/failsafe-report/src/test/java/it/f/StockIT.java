package it.f;

import org.junit.jupiter.api.Test;

/** Never runs: its segment's fixture does not start. */
class StockIT {

  @Test
  void reservesStock() {}
}
