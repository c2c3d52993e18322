package it.j;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BrokenSourceIT {

  static Stream<String> cases() {
    throw new IllegalStateException("the argument source is broken");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void usesCases(String value) {}

  @Test
  void passes() {}
}
