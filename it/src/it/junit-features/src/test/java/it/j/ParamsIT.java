package it.j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParamsIT {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void positive(int n) {
    assertTrue(n > 0);
  }
}
