package it.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class ShopIT {

  @Test
  void mysqlsOwnDriverReachesTheManifestsDatabaseAsItsUser() throws Exception {
    String url = System.getProperty("fixtures.shop-db.jdbc-url");
    assertTrue(url.startsWith("jdbc:mysql://"), url);
    try (Connection c =
            DriverManager.getConnection(
                url,
                System.getenv("FIXTURES_SHOP_DB_USERNAME"),
                System.getProperty("fixtures.shop-db.password"));
        Statement s = c.createStatement()) {
      assertTrue(c.getMetaData().getDriverName().startsWith("MySQL Connector"));
      s.execute("CREATE TABLE orders (id INT PRIMARY KEY, total INT)");
      s.execute("INSERT INTO orders VALUES (1, 40), (2, 2)");
      try (ResultSet rs =
          s.executeQuery("SELECT DATABASE(), CURRENT_USER(), SUM(total) FROM orders")) {
        rs.next();
        assertEquals("shop", rs.getString(1));
        assertTrue(rs.getString(2).startsWith("shop@"), rs.getString(2));
        assertEquals(42, rs.getInt(3));
      }
    }
  }
}
