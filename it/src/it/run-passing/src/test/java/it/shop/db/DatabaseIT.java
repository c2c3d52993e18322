package it.shop.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class DatabaseIT {

  /** When this test JVM started, for verify.groovy: before this class was compiled. */
  @AfterAll
  static void tellWhenTheJvmStarted() throws Exception {
    // the JVM's own clock at its start: the process's start time, which the JDK reckons from the
    // boot time in whole seconds, can be up to a second early
    long started = ManagementFactory.getRuntimeMXBean().getStartTime();
    Files.writeString(Path.of("target/shop-db-jvm-started.txt"), String.valueOf(started));
  }

  @Test
  void connectsToTheSegmentsOwnDatabase() throws Exception {
    String url = System.getProperty("fixtures.db.jdbc-url");
    try (Connection c =
            DriverManager.getConnection(
                url,
                System.getProperty("fixtures.db.username"),
                System.getenv("FIXTURES_DB_PASSWORD"));
        ResultSet rs =
            c.createStatement().executeQuery("select current_database(), current_user")) {
      rs.next();
      assertEquals("shop", rs.getString(1));
      assertEquals("shop", rs.getString(2));
    }
  }

  @Test
  void seesAttributesUnderEveryName() {
    String url = System.getProperty("fixtures.db.jdbc-url");
    assertEquals(url, System.getenv("FIXTURES_DB_JDBC_URL"));
    assertEquals(url, System.getProperty("app.db.url"));
    assertEquals(url, System.getenv("APP_DB_URL"));
    assertEquals("shop-db", System.getProperty("segment.id"));
    assertEquals("segment", System.getProperty("shop.mode"));
  }

  @Test
  void seesNoOtherSegmentsFixture() {
    assertNull(System.getProperty("fixtures.web.port"));
    assertNull(System.getenv("FIXTURES_WEB_PORT"));
  }
}
