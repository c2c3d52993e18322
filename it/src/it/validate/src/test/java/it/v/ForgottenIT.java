package it.v;

import org.junit.jupiter.api.Test;

class ForgottenIT {

  @Test
  void runs() {}
}
