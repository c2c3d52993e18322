package it.shop.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.shop.support.Settings;
import it.shop.support.ShopDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OrdersIT {

  @BeforeAll
  static void settings() {
    Settings.check();
  }

  @Test
  void storesAndReadsAnOrder() throws Exception {
    try (Connection c =
        DriverManager.getConnection(
            ShopDatabase.POSTGRES.getJdbcUrl(),
            ShopDatabase.POSTGRES.getUsername(),
            ShopDatabase.POSTGRES.getPassword())) {
      c.createStatement().execute("create table if not exists orders (id int primary key)");
      c.createStatement().execute("insert into orders values (1) on conflict do nothing");
      try (ResultSet rs = c.createStatement().executeQuery("select count(*) from orders")) {
        rs.next();
        assertEquals(1, rs.getInt(1));
      }
    }
  }

  @Test
  void runsInTheShopDatabase() throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                ShopDatabase.POSTGRES.getJdbcUrl(),
                ShopDatabase.POSTGRES.getUsername(),
                ShopDatabase.POSTGRES.getPassword());
        ResultSet rs = c.createStatement().executeQuery("select current_database()")) {
      rs.next();
      assertEquals("shop", rs.getString(1));
    }
  }
}
