package it.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class PassingIT {

  @Test
  void readsTheSeededRowAndPrintsItsSecrets() throws Exception {
    String password = System.getProperty("fixtures.db.password");
    System.out.println("connecting with " + password + " and " + System.getProperty("app.token"));
    System.err.println("env password " + System.getenv("FIXTURES_DB_PASSWORD"));
    try (Connection c =
            DriverManager.getConnection(
                System.getProperty("fixtures.db.jdbc-url"), "shop", password);
        ResultSet rs = c.createStatement().executeQuery("select count(*) from item")) {
      rs.next();
      assertEquals(1, rs.getInt(1));
      c.createStatement().execute("insert into item values (2, 'added')");
    }
  }
}
