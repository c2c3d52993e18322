package it.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class SharedIT {

  @Test
  void logsInBesideTheSharedFixture() throws Exception {
    String password = System.getProperty("fixtures.db.password");
    System.out.println("shared run with " + password + " and " + System.getProperty("app.token"));
    try (Connection c =
            DriverManager.getConnection(
                System.getProperty("fixtures.db.jdbc-url"), "shop", password);
        ResultSet rs = c.createStatement().executeQuery("select 1")) {
      rs.next();
      assertEquals(1, rs.getInt(1));
    }
  }
}
