package io.segmented.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TestJvmPropertiesTest {

  @Test
  void environmentNamesAreUpperCaseWithUnderscores() {
    assertEquals(
        "FIXTURES_ORDERS_DB_JDBC_URL", TestJvmProperties.envName("fixtures.orders-db.jdbc-url"));
    assertEquals("FIXTURES_WEB_PORTS_8080", TestJvmProperties.envName("fixtures.web.ports.8080"));
    assertEquals("SPRING_DATASOURCE_URL", TestJvmProperties.envName("spring.datasource.url"));
  }
}
