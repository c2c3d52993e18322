package it.restore;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One connection for the whole test JVM, as a pool opened by the first class would hold it. */
final class Db {

  private static Connection connection;

  static synchronized Connection connection() throws SQLException {
    if (connection == null) {
      connection =
          DriverManager.getConnection(
              System.getProperty("fixtures.db.jdbc-url"),
              System.getProperty("fixtures.db.username"),
              System.getProperty("fixtures.db.password"));
    }
    return connection;
  }

  static long count(String sql) throws SQLException {
    try (Statement s = connection().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static int insertOrder() throws SQLException {
    try (Statement s = connection().createStatement();
        ResultSet rs =
            s.executeQuery("INSERT INTO orders (customer, total) VALUES (1, 99) RETURNING id")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private Db() {}
}
