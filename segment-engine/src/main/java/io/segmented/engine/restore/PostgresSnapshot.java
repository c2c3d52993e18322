package io.segmented.engine.restore;

import io.segmented.engine.data.SqlDialect;
import io.segmented.engine.data.SqlLimits;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * PostgreSQL back to its seeded state by truncating every table and copying the rows back from a
 * snapshot taken after the seeds, in one transaction, with the sequences reset and the tables the
 * tests created dropped. Connections the tests hold stay connected to the same database, so a pool
 * opened in the first class keeps working (a database cloned from a template would be a new one,
 * which every held connection would have to be moved to).
 *
 * <p>Foreign keys and triggers are not fired while rows are copied back ({@code
 * session_replication_role = replica}), so the order of tables does not matter, cycles included:
 * the fixture's user must be a superuser, as it is in PostgreSQL's images and in the embedded
 * server. Rows are copied by name, without generated columns (the server computes them again) and
 * with {@code OVERRIDING SYSTEM VALUE} where a column is {@code GENERATED ALWAYS AS IDENTITY}; only
 * tables that hold rows themselves are copied ({@code FROM ONLY}, partitioned tables left to their
 * partitions), so no row comes back twice.
 *
 * <p>Every statement runs within a time limit: a restore that waits for a lock a test still holds
 * (a transaction left open) fails with a message that says so instead of blocking the tests.
 */
final class PostgresSnapshot implements Restorer {

  static final String SCHEMA = "segment_snapshot";

  /** A table of the seeded state: its quoted name, the columns to copy, how to insert them. */
  private record Table(String name, String columns, boolean holdsRows, boolean identityAlways) {}

  private final String url;
  private final String user;
  private final String password;
  private final Duration limit;
  private Connection connection;
  private final List<Table> tables = new ArrayList<>();
  private final Map<String, long[]> sequences = new LinkedHashMap<>();
  private String restoreSql;

  PostgresSnapshot(String url, String user, String password, Duration limit) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.limit = limit;
  }

  @Override
  public void snapshot() throws SQLException {
    connection =
        SqlLimits.connect(SqlDialect.POSTGRES, url, user, password, limit, new Properties());
    boolean generatedColumns = connection.getMetaData().getDatabaseMajorVersion() >= 12;
    try (Statement s = SqlLimits.limit(connection.createStatement(), limit)) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      s.execute("CREATE SCHEMA " + SCHEMA);
      try (ResultSet rs = s.executeQuery(userTables(generatedColumns))) {
        while (rs.next()) {
          tables.add(
              new Table(
                  quoted(rs.getString(1)) + "." + quoted(rs.getString(2)),
                  rs.getString(4),
                  // partitioned: its rows are its partitions'; no columns: nothing to copy
                  !rs.getBoolean(3) && rs.getString(4) != null,
                  rs.getBoolean(5)));
        }
      }
      for (int i = 0; i < tables.size(); i++) {
        Table t = tables.get(i);
        if (t.holdsRows()) {
          s.execute(
              "CREATE TABLE " + copy(i) + " AS SELECT " + t.columns() + " FROM ONLY " + t.name());
        }
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
      sql.append("TRUNCATE ")
          .append(String.join(", ", tables.stream().map(Table::name).toList()))
          .append(";");
    }
    for (int i = 0; i < tables.size(); i++) {
      Table t = tables.get(i);
      if (t.holdsRows()) {
        sql.append("INSERT INTO ")
            .append(t.name())
            .append(" (")
            .append(t.columns())
            .append(")")
            .append(t.identityAlways() ? " OVERRIDING SYSTEM VALUE" : "")
            .append(" SELECT ")
            .append(t.columns())
            .append(" FROM ")
            .append(copy(i))
            .append(";");
      }
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

  private static String copy(int index) {
    return SCHEMA + ".t" + index;
  }

  @Override
  public void restore() throws SQLException {
    connection.setAutoCommit(false);
    try (Statement s = SqlLimits.limit(connection.createStatement(), limit)) {
      dropTablesCreatedSince(s);
      s.execute(restoreSql);
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      if (SqlLimits.ranOutOfTime(e)) {
        throw SqlLimits.restoreTimedOut(limit, e);
      }
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** Tables the tests created are not part of the seeded state. */
  private void dropTablesCreatedSince(Statement s) throws SQLException {
    List<String> now = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(userTables(false))) {
      while (rs.next()) {
        now.add(quoted(rs.getString(1)) + "." + quoted(rs.getString(2)));
      }
    }
    now.removeAll(tables.stream().map(Table::name).toList());
    if (!now.isEmpty()) {
      s.execute("DROP TABLE IF EXISTS " + String.join(", ", now) + " CASCADE");
    }
  }

  /**
   * The tables of the database outside the system schemas and the snapshot: schema, name, whether
   * it is partitioned (its rows are in its partitions), the columns to copy, and whether one is
   * {@code GENERATED ALWAYS AS IDENTITY}.
   */
  private static String userTables(boolean generatedColumns) {
    return "SELECT n.nspname, c.relname, c.relkind = 'p',"
        + " (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_attribute a"
        + " WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
        + (generatedColumns ? " AND a.attgenerated = ''" : "")
        + "),"
        + " EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0"
        + " AND NOT a.attisdropped AND a.attidentity = 'a')"
        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE c.relkind IN ('r', 'p') AND c.relpersistence <> 't'"
        + " AND n.nspname NOT IN ('information_schema', '"
        + SCHEMA
        + "') AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1, 2";
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
