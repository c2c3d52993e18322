package it.snap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class SnapshotIT {

  @Test
  void startsFromTheSeededStateAndLeavesItsOwnRowsBehindNoOneElse() throws Exception {
    try (Connection c =
        DriverManager.getConnection(
            System.getProperty("fixtures.shop-db.jdbc-url"),
            "shop",
            System.getProperty("fixtures.shop-db.password"))) {
      try (ResultSet rs =
          c.createStatement().executeQuery("select count(*), sum(price_cents) from products")) {
        rs.next();
        // a snapshot taken after a segment's tests, or shared with one, would show its row
        assertEquals(3, rs.getInt(1));
        assertEquals(5350, rs.getInt(2));
      }
      c.createStatement().execute("insert into products values ('scribble', 1)");
    }
  }
}
