package io.segmented.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributesTest {

  @Test
  void namesAreSpelledAsTheContractSpellsThem() {
    assertEquals("host", Attributes.HOST);
    assertEquals("port", Attributes.PORT);
    assertEquals("database", Attributes.DATABASE);
    assertEquals("username", Attributes.USERNAME);
    assertEquals("password", Attributes.PASSWORD);
    assertEquals("jdbc-url", Attributes.JDBC_URL);
    assertEquals("url", Attributes.URL);
    assertEquals("ports.8080", Attributes.port("8080"));
    assertEquals("ports.http", Attributes.port("http"));
  }

  @Test
  void aProcessRefersToItsNamedPortsAsPortDotName() {
    assertEquals("ports.http", Attributes.referenced("port.http"));
    assertEquals("port", Attributes.referenced("port"));
    assertEquals("jdbc-url", Attributes.referenced("jdbc-url"));
  }

  @Test
  void readsAFixturesAttributesByName() {
    Attributes a =
        Attributes.of(
            Map.of(
                "host", "localhost",
                "port", "5432",
                "database", "orders",
                "username", "app",
                "password", "secret",
                "jdbc-url", "jdbc:postgresql://localhost:5432/orders"));
    assertEquals("localhost", a.host());
    assertEquals("5432", a.port());
    assertEquals("orders", a.database());
    assertEquals("app", a.username());
    assertEquals("secret", a.password());
    assertEquals("jdbc:postgresql://localhost:5432/orders", a.jdbcUrl());
    assertNull(a.url());
  }
}
