package it.nd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class EmbeddedIT {

  @Test
  void aRealPostgresRunsWithoutDocker() throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                System.getProperty("fixtures.orders-db.jdbc-url"),
                System.getProperty("fixtures.orders-db.username"),
                System.getenv("FIXTURES_ORDERS_DB_PASSWORD"));
        ResultSet rs =
            c.createStatement()
                .executeQuery("select current_database(), current_user, version()")) {
      rs.next();
      assertEquals("orders", rs.getString(1));
      assertEquals("shop", rs.getString(2));
      assertEquals(true, rs.getString(3).startsWith("PostgreSQL"), rs.getString(3));
    }
  }
}
