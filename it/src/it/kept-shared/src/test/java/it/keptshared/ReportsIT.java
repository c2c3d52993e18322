package it.keptshared;

import org.junit.jupiter.api.Test;

class ReportsIT {

  @Test
  void seesOnlyTheSeedsAndLeavesItsOwn() throws Exception {
    Rows.seesOnlyTheSeedsAndLeavesItsOwn("reports");
  }
}
