package it.keptshared;

import org.junit.jupiter.api.Test;

class OrdersIT {

  @Test
  void seesOnlyTheSeedsAndLeavesItsOwn() throws Exception {
    Rows.seesOnlyTheSeedsAndLeavesItsOwn("orders");
  }
}
