package it.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class OrderTotalsIT {

  @Test
  void totalIncludesTax() throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                System.getProperty("fixtures.orders-db.jdbc-url"), "test", "test");
        ResultSet rs = c.createStatement().executeQuery("select 100")) {
      rs.next();
      assertEquals(119, rs.getInt(1), "total with tax");
    }
  }

  @Test
  void passesAlongside() {
    assertEquals(2, 1 + 1);
  }
}
