package it.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdditionIT {

  @Test
  void addsUp() {
    assertEquals(4, 2 + 2);
  }

  @Test
  void isWrongOnPurpose() {
    assertEquals(5, 2 + 2, "two and two");
  }
}
