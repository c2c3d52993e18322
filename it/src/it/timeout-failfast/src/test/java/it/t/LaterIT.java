package it.t;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class LaterIT {

  @Test
  void mustNotStart() {
    fail("started although an earlier segment failed and failFast is set");
  }
}
