package it.faults;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class NeverRunsIT {

  @Test
  void needsTheFixture() {
    fail("ran although its fixture never became ready");
  }
}
