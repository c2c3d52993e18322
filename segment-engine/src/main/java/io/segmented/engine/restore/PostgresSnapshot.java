package io.segmented.engine.restore;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL back to its seeded state by truncating every table and copying the rows back from a
 * snapshot taken after the seeds, in one transaction, with the sequences reset and the tables the
 * tests created dropped. Connections the tests hold stay connected to the same database, so a pool
 * opened in the first class keeps working (a database cloned from a template would be a new one,
 * which every held connection would have to be moved to).
 *
 * <p>Foreign keys and triggers are not fired while rows are copied back ({@code
 * session_replication_role = replica}), so the order of tables does not matter: the fixture's user
 * must be a superuser, as it is in PostgreSQL's images and in the embedded server.
 */
final class PostgresSnapshot implements Restorer {

  static final String SCHEMA = "segment_snapshot";

  private final String url;
  private final String user;
  private final String password;
  private Connection connection;
  private final List<String> tables = new ArrayList<>();
  private final Map<String, long[]> sequences = new LinkedHashMap<>();
  private String restoreSql;

  PostgresSnapshot(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  @Override
  public void snapshot() throws SQLException {
    connection = DriverManager.getConnection(url, user, password);
    try (Statement s = connection.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      s.execute("CREATE SCHEMA " + SCHEMA);
      try (ResultSet rs = s.executeQuery(userTables())) {
        while (rs.next()) {
          tables.add(quoted(rs.getString(1)) + "." + quoted(rs.getString(2)));
        }
      }
      for (int i = 0; i < tables.size(); i++) {
        s.execute("CREATE TABLE " + SCHEMA + ".t" + i + " AS TABLE " + tables.get(i));
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename),"
                  + " COALESCE(last_value, start_value), last_value IS NOT NULL"
                  + " FROM pg_sequences WHERE schemaname <> '"
                  + SCHEMA
                  + "'")) {
        while (rs.next()) {
          sequences.put(rs.getString(1), new long[] {rs.getLong(2), rs.getBoolean(3) ? 1 : 0});
        }
      }
    }
    StringBuilder sql = new StringBuilder("SET LOCAL session_replication_role = replica;");
    if (!tables.isEmpty()) {
      sql.append("TRUNCATE ").append(String.join(", ", tables)).append(";");
    }
    for (int i = 0; i < tables.size(); i++) {
      sql.append("INSERT INTO ")
          .append(tables.get(i))
          .append(" SELECT * FROM ")
          .append(SCHEMA)
          .append(".t")
          .append(i)
          .append(";");
    }
    sequences.forEach(
        (name, value) ->
            sql.append("SELECT setval('")
                .append(name.replace("'", "''"))
                .append("', ")
                .append(value[0])
                .append(", ")
                .append(value[1] == 1)
                .append(");"));
    restoreSql = sql.toString();
  }

  @Override
  public void restore() throws SQLException {
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      dropTablesCreatedSince(s);
      s.execute(restoreSql);
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** Tables the tests created are not part of the seeded state. */
  private void dropTablesCreatedSince(Statement s) throws SQLException {
    List<String> now = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(userTables())) {
      while (rs.next()) {
        now.add(quoted(rs.getString(1)) + "." + quoted(rs.getString(2)));
      }
    }
    now.removeAll(tables);
    if (!now.isEmpty()) {
      s.execute("DROP TABLE IF EXISTS " + String.join(", ", now) + " CASCADE");
    }
  }

  private static String userTables() {
    return "SELECT table_schema, table_name FROM information_schema.tables"
        + " WHERE table_type = 'BASE TABLE'"
        + " AND table_schema NOT IN ('pg_catalog', 'information_schema', '"
        + SCHEMA
        + "') ORDER BY 1, 2";
  }

  private static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // the fixture is stopped next
      }
      connection = null;
    }
  }
}
