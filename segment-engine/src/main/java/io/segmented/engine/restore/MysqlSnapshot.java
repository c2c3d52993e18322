package io.segmented.engine.restore;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * MySQL or MariaDB back to its seeded state: every table truncated and its rows copied back from a
 * snapshot database made after the seeds ({@code <database>_snapshot}), foreign key checks off
 * meanwhile, tables the tests created dropped. The segment's database stays the same one, so held
 * connections keep working. Done as {@code root}, whose password the MySQL and MariaDB images set
 * to the fixture's.
 */
final class MysqlSnapshot implements Restorer {

  private final String url;
  private final String database;
  private final String password;
  private final String snapshot;
  private Connection connection;
  private final List<String> tables = new ArrayList<>();

  MysqlSnapshot(String url, String database, String password) {
    this.url = url;
    this.database = database;
    this.password = password;
    this.snapshot = database + "_snapshot";
  }

  @Override
  public void snapshot() throws SQLException {
    connection = DriverManager.getConnection(url, "root", password);
    try (Statement s = connection.createStatement()) {
      tables.addAll(tables(s));
      s.execute("DROP DATABASE IF EXISTS " + q(snapshot));
      s.execute("CREATE DATABASE " + q(snapshot));
      for (String t : tables) {
        s.execute("CREATE TABLE " + q(snapshot) + "." + q(t) + " LIKE " + q(database) + "." + q(t));
        s.execute(
            "INSERT INTO "
                + q(snapshot)
                + "."
                + q(t)
                + " SELECT * FROM "
                + q(database)
                + "."
                + q(t));
      }
    }
  }

  @Override
  public void restore() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SET FOREIGN_KEY_CHECKS = 0");
      try {
        for (String t : tables(s)) {
          if (!tables.contains(t)) {
            s.execute("DROP TABLE " + q(database) + "." + q(t));
          }
        }
        for (String t : tables) {
          s.execute("TRUNCATE TABLE " + q(database) + "." + q(t));
          s.execute(
              "INSERT INTO "
                  + q(database)
                  + "."
                  + q(t)
                  + " SELECT * FROM "
                  + q(snapshot)
                  + "."
                  + q(t));
        }
      } finally {
        s.execute("SET FOREIGN_KEY_CHECKS = 1");
      }
    }
  }

  private List<String> tables(Statement s) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs =
        s.executeQuery(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                + " AND table_schema = '"
                + database.replace("'", "''")
                + "' ORDER BY 1")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private static String q(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  @Override
  public void close() {
    if (connection != null) {
      try (Statement s = connection.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + q(snapshot));
      } catch (SQLException e) {
        // the fixture is stopped next, and its databases with it
      }
      try {
        connection.close();
      } catch (SQLException e) {
        // as above
      }
      connection = null;
    }
  }
}
