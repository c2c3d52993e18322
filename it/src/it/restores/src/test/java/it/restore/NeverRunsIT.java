package it.restore;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class NeverRunsIT {

  @Test
  void mustNotRunOnDataNobodyRestored() {
    fail("the tests ran although the reset command failed");
  }
}
