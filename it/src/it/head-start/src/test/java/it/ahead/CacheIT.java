package it.ahead;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class CacheIT {

  @Test
  void hasTheCache() {
    assertNotNull(System.getProperty("fixtures.cache.port"));
  }
}
