package it.drop;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class SecondIT {

  @Test
  void hasTheCache() {
    assertNotNull(System.getProperty("fixtures.cache.port"));
  }
}
