package it.maria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
      try (ResultSet rs = s.executeQuery("SELECT DATABASE(), CURRENT_USER(), VERSION()")) {
        rs.next();
        assertEquals("legacy", rs.getString(1));
        assertTrue(rs.getString(2).startsWith("app@"), rs.getString(2));
        assertTrue(rs.getString(3).contains("MariaDB"), rs.getString(3));
      }
      // the seeds' invoices 1 and 2; never the invoice 3 that an earlier build's test added on a
      // server it kept (verify.groovy adds one by hand to the kept server's template: 7)
      List<Integer> ids = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT id FROM invoices ORDER BY id")) {
        while (rs.next()) {
          ids.add(rs.getInt(1));
        }
      }
      Files.writeString(
          Path.of(System.getProperty("segment.basedir"), "target", "invoices-seen"),
          ids.toString());
      assertFalse(ids.contains(3), "an earlier build's invoice: " + ids);
      assertTrue(ids.containsAll(List.of(1, 2)), "the seeds' invoices: " + ids);
      s.execute("INSERT INTO invoices VALUES (3, 1000)");
    }
  }
}
