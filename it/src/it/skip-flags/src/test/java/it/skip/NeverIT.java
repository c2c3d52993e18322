package it.skip;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class NeverIT {

  @Test
  void mustNotRun() {
    fail("the run was not skipped");
  }
}
