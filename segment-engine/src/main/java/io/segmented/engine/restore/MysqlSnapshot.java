package io.segmented.engine.restore;

import static io.segmented.engine.data.MysqlCopy.quoted;

import io.segmented.engine.data.DatabaseNames;
import io.segmented.engine.data.MysqlCopy;
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
 * MySQL or MariaDB back to its seeded state: every table truncated and its rows copied back from a
 * snapshot database made after the seeds ({@code <database>_snapshot}), foreign key checks off
 * meanwhile (cycles included), tables the tests created dropped. Rows are copied by column name,
 * without generated columns, which the server computes again. The segment's database stays the same
 * one, so held connections keep working. Done as {@code root}, whose password the MySQL and MariaDB
 * images set to the fixture's.
 *
 * <p>A restore as a whole runs within a time limit: one that waits for a lock a test still holds
 * fails with a message that says so instead of blocking the tests.
 */
final class MysqlSnapshot implements Restorer {

  private final String url;
  private final String database;
  private final String password;
  private final String snapshot;
  private final Duration limit;
  private Connection connection;

  /** The tables of the seeded state, each with the columns to copy. */
  private final Map<String, String> tables = new LinkedHashMap<>();

  MysqlSnapshot(String url, String database, String password, Duration limit) {
    this.url = url;
    this.database = database;
    this.password = password;
    this.snapshot = snapshotName(database);
    this.limit = limit;
  }

  /** The longest name MySQL and MariaDB give a database. */
  private static final int MAX_NAME = 64;

  /**
   * {@code <database>_snapshot}; for a database whose name leaves no room for that, its name cut
   * short with a hash of the whole, so that two long names stay two snapshots.
   */
  static String snapshotName(String database) {
    return DatabaseNames.within(database, "_snapshot", MAX_NAME);
  }

  @Override
  public void snapshot() throws SQLException {
    connection =
        SqlLimits.connect(SqlDialect.MYSQL, url, "root", password, limit, new Properties());
    try (Statement s = SqlLimits.limit(connection.createStatement(), limit)) {
      tables.putAll(MysqlCopy.copiedColumns(connection, database, limit));
      s.execute("DROP DATABASE IF EXISTS " + quoted(snapshot));
      s.execute("CREATE DATABASE " + quoted(snapshot));
      for (Map.Entry<String, String> t : tables.entrySet()) {
        s.execute(
            "CREATE TABLE "
                + quoted(snapshot)
                + "."
                + quoted(t.getKey())
                + " LIKE "
                + own(t.getKey()));
        s.execute(copy(own(t.getKey()), quoted(snapshot) + "." + quoted(t.getKey()), t.getValue()));
      }
    }
  }

  @Override
  public void restore() throws SQLException {
    long deadline = System.nanoTime() + limit.toNanos();
    try (Statement s = connection.createStatement()) {
      s.execute("SET FOREIGN_KEY_CHECKS = 0");
      try {
        for (String t : tables(s)) {
          if (!tables.containsKey(t)) {
            execute(s, "DROP TABLE " + own(t), deadline);
          }
        }
        for (Map.Entry<String, String> t : tables.entrySet()) {
          execute(s, "TRUNCATE TABLE " + own(t.getKey()), deadline);
          execute(
              s,
              copy(quoted(snapshot) + "." + quoted(t.getKey()), own(t.getKey()), t.getValue()),
              deadline);
        }
      } finally {
        s.setQueryTimeout(0);
        s.execute("SET FOREIGN_KEY_CHECKS = 1");
      }
    }
  }

  /** Runs {@code sql} with what is left until {@code deadline}; says so when it ran out. */
  private void execute(Statement s, String sql, long deadline) throws SQLException {
    SqlLimits.limit(s, Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1)));
    try {
      s.execute(sql);
    } catch (SQLException e) {
      if (SqlLimits.ranOutOfTime(e) || System.nanoTime() - deadline >= 0) {
        throw SqlLimits.restoreTimedOut(limit, e);
      }
      throw e;
    }
  }

  private static String copy(String from, String to, String columns) {
    return "INSERT INTO " + to + " (" + columns + ") SELECT " + columns + " FROM " + from;
  }

  private String own(String table) {
    return quoted(database) + "." + quoted(table);
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

  @Override
  public void close() {
    if (connection != null) {
      try (Statement s = SqlLimits.limit(connection.createStatement(), limit)) {
        s.execute("DROP DATABASE IF EXISTS " + quoted(snapshot));
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
