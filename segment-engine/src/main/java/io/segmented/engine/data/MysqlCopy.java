package io.segmented.engine.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A MySQL or MariaDB database copied into a new one, which these servers cannot clone: each base
 * table as {@code SHOW CREATE TABLE} gives it (columns, keys, foreign keys, checks, partitions, the
 * next {@code AUTO_INCREMENT}), then its rows by column name without generated columns, which the
 * server computes again; foreign key checks off meanwhile, so tables and rows go in any order, and
 * with mysqldump's {@code sql_mode}. A database that holds what a table copy cannot carry (views,
 * triggers, routines, events, sequences, system-versioned tables) is not copied.
 */
public final class MysqlCopy {

  private MysqlCopy() {}

  /**
   * Makes {@code name} a copy of {@code template} with the statements {@code create}, which make it
   * empty; returns false, making nothing, when {@code template} holds more than tables.
   */
  static boolean copy(
      Connection admin, String template, String name, List<String> create, Duration limit)
      throws SQLException {
    if (!SqlDialect.MYSQL.exists(admin, template)) {
      throw new SQLException(
          "the seeded template database "
              + template
              + " is not on the server: it cannot be copied");
    }
    if (holdsMoreThanTables(admin, template)) {
      return false;
    }
    Map<String, String> tables = copiedColumns(admin, template, limit);
    String catalog = admin.getCatalog();
    try (Statement s = SqlLimits.limit(admin.createStatement(), limit)) {
      for (String sql : create) {
        s.execute(sql);
      }
      // as mysqldump does: a 0 in an AUTO_INCREMENT column stays 0, and the server's strict modes
      // do not refuse the zero dates that the seeds' own session allowed
      s.execute("SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO'");
      s.execute("SET FOREIGN_KEY_CHECKS = 0");
      SQLException failed = null;
      try {
        List<String> ddl = new ArrayList<>();
        for (String table : tables.keySet()) {
          try (ResultSet rs =
              s.executeQuery("SHOW CREATE TABLE " + quoted(template) + "." + quoted(table))) {
            rs.next();
            ddl.add(rs.getString(2));
          }
        }
        // the table's own name, unqualified, as are its foreign keys to tables of the same
        // database: made in the new one
        admin.setCatalog(name);
        for (String sql : ddl) {
          s.execute(sql);
        }
        for (Map.Entry<String, String> t : tables.entrySet()) {
          if (t.getValue().isEmpty()) {
            continue;
          }
          s.execute(
              "INSERT INTO "
                  + quoted(name)
                  + "."
                  + quoted(t.getKey())
                  + " ("
                  + t.getValue()
                  + ") SELECT "
                  + t.getValue()
                  + " FROM "
                  + quoted(template)
                  + "."
                  + quoted(t.getKey()));
        }
      } catch (SQLException e) {
        failed = e;
        throw e;
      } finally {
        try {
          s.execute("SET FOREIGN_KEY_CHECKS = 1");
          if (catalog != null) {
            admin.setCatalog(catalog);
          }
        } catch (SQLException e) {
          // the copy's own error is the one to report
          if (failed == null) {
            throw e;
          }
          failed.addSuppressed(e);
        }
      }
    }
    return true;
  }

  /**
   * Whether {@code database} holds what a copy of its base tables would lose: views, triggers,
   * routines, events, or tables of other types (MariaDB's sequences and system-versioned tables).
   */
  private static boolean holdsMoreThanTables(Connection admin, String database)
      throws SQLException {
    for (String query :
        List.of(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ?"
                + " AND table_type NOT IN ('BASE TABLE', 'VIEW')",
            "SELECT COUNT(*) FROM information_schema.views WHERE table_schema = ?",
            "SELECT COUNT(*) FROM information_schema.triggers WHERE trigger_schema = ?",
            "SELECT COUNT(*) FROM information_schema.routines WHERE routine_schema = ?",
            "SELECT COUNT(*) FROM information_schema.events WHERE event_schema = ?")) {
      try (PreparedStatement p = admin.prepareStatement(query)) {
        p.setString(1, database);
        try (ResultSet rs = p.executeQuery()) {
          if (rs.next() && rs.getLong(1) > 0) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The base tables of {@code database}, in name order, each with its columns that are not
   * generated, quoted and comma-separated in their order: what a copy of its rows names. A {@code
   * DEFAULT_GENERATED} column (MySQL's mark of an expression default) is a column like any other.
   * The query runs within {@code limit}.
   */
  public static Map<String, String> copiedColumns(Connection admin, String database, Duration limit)
      throws SQLException {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    try (PreparedStatement p =
        admin.prepareStatement(
            "SELECT t.table_name, c.column_name, c.extra FROM information_schema.tables t"
                + " LEFT JOIN information_schema.columns c"
                + " ON c.table_schema = t.table_schema AND c.table_name = t.table_name"
                + " WHERE t.table_type = 'BASE TABLE' AND t.table_schema = ?"
                + " ORDER BY t.table_name, c.ordinal_position")) {
      SqlLimits.limit(p, limit);
      p.setString(1, database);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          List<String> names = columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>());
          String extra = rs.getString(3) == null ? "" : rs.getString(3).toUpperCase(Locale.ROOT);
          boolean generated =
              extra.contains("VIRTUAL GENERATED")
                  || extra.contains("STORED GENERATED")
                  || extra.contains("PERSISTENT GENERATED");
          if (rs.getString(2) != null && !generated) {
            names.add(quoted(rs.getString(2)));
          }
        }
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    columns.forEach((table, names) -> out.put(table, String.join(", ", names)));
    return out;
  }

  /** {@code identifier} as MySQL and MariaDB quote one: in backticks, its own doubled. */
  public static String quoted(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
