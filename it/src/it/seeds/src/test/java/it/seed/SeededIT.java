package it.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class SeededIT {

  @Test
  void startsFromTheSeededState() throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                System.getProperty("fixtures.shop-db.jdbc-url"),
                "shop",
                System.getProperty("fixtures.shop-db.password"));
        ResultSet rs =
            c.createStatement().executeQuery("select count(*), sum(price_cents) from products")) {
      rs.next();
      assertEquals(3, rs.getInt(1));
      assertEquals(5350, rs.getInt(2));
    }
  }
}
