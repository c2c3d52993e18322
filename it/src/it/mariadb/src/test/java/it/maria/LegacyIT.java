package it.maria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class LegacyIT {

  @Test
  void aRealMariadbWithTheManifestsUserAndDatabase() throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                System.getProperty("fixtures.legacy-db.jdbc-url"),
                System.getenv("FIXTURES_LEGACY_DB_USERNAME"),
                System.getProperty("fixtures.legacy-db.password"));
        Statement s = c.createStatement()) {
      // the seeds' rows alone, also on a server an earlier build kept and wrote to
      try (ResultSet rs =
          s.executeQuery(
              "SELECT DATABASE(), CURRENT_USER(), VERSION(), COUNT(*), SUM(total) FROM invoices")) {
        rs.next();
        assertEquals("legacy", rs.getString(1));
        assertTrue(rs.getString(2).startsWith("app@"), rs.getString(2));
        assertTrue(rs.getString(3).contains("MariaDB"), rs.getString(3));
        assertEquals(2, rs.getInt(4), "the seeds' two invoices");
        assertEquals(350, rs.getInt(5));
      }
      s.execute("INSERT INTO invoices VALUES (3, 1000)");
    }
  }
}
