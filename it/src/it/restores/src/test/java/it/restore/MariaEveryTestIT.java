package it.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.RepeatedTest;

/** MariaDB: seeded by statements, back to the seed before each of 20 tests, one connection held. */
class MariaEveryTestIT {

  private static Connection connection;

  @RepeatedTest(20)
  void startsFromTheSeedEveryTime() throws Exception {
    if (connection == null) {
      connection =
          DriverManager.getConnection(
              System.getProperty("fixtures.legacy.jdbc-url"),
              System.getProperty("fixtures.legacy.username"),
              System.getProperty("fixtures.legacy.password"));
    }
    try (Statement s = connection.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT count(*), max(note) FROM invoices")) {
        rs.next();
        assertEquals(2, rs.getInt(1));
        assertEquals("it's second", rs.getString(2));
      }
      s.execute("INSERT INTO invoices (note) VALUES ('mine')");
      s.execute("CREATE TABLE IF NOT EXISTS scratch (x INT)");
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM scratch")) {
        rs.next();
        assertEquals(0, rs.getInt(1), "scratch is new in every test");
      }
      s.execute("INSERT INTO scratch VALUES (1)");
    }
  }
}
