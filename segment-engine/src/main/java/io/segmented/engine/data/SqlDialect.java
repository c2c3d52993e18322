package io.segmented.engine.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What differs in SQL between the servers of the SQL kinds: how a script runs and how a database of
 * a segment's own is made and removed. A kind says its dialect; nothing guesses it from a URL.
 */
public enum SqlDialect {

  /** PostgreSQL: a whole script in one statement, its errors placed by the server. */
  POSTGRES {
    @Override
    boolean runsWholeScripts() {
      return true;
    }

    @Override
    public List<String> createDatabase(String name, String owner) {
      return List.of(
          "DROP DATABASE IF EXISTS " + quoted(name),
          "CREATE DATABASE " + quoted(name) + " OWNER " + quoted(owner));
    }

    @Override
    public String dropDatabase(String name) {
      return "DROP DATABASE IF EXISTS " + quoted(name) + " WITH (FORCE)";
    }

    @Override
    public boolean clonesDatabases() {
      return true;
    }

    @Override
    public List<String> cloneDatabase(String name, String template, String owner) {
      return List.of(
          "DROP DATABASE IF EXISTS " + quoted(name),
          "CREATE DATABASE "
              + quoted(name)
              + " TEMPLATE "
              + quoted(template)
              + " OWNER "
              + quoted(owner));
    }

    @Override
    public String renameDatabase(String from, String to) {
      return "ALTER DATABASE " + quoted(from) + " RENAME TO " + quoted(to);
    }

    @Override
    public Optional<String> markSeeded(String name, String where) {
      String note = (SEEDED_NOTE + " " + where).strip().replace("'", "''");
      return Optional.of("COMMENT ON DATABASE " + quoted(name) + " IS '" + note + "'");
    }

    @Override
    public boolean markedSeeded(Connection admin, String database) throws SQLException {
      try (PreparedStatement s =
          admin.prepareStatement(
              "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
        s.setString(1, database);
        try (ResultSet r = s.executeQuery()) {
          return r.next() && r.getString(1) != null && r.getString(1).startsWith(SEEDED_NOTE);
        }
      }
    }

    @Override
    public String databaseExists() {
      return "SELECT 1 FROM pg_database WHERE datname = ?";
    }

    @Override
    public String maintenanceDatabase() {
      return "postgres";
    }

    @Override
    public String adminUser(String username) {
      return username;
    }

    @Override
    void limitTime(Properties connection, Duration connect, Duration read) {
      // PgJDBC counts in seconds; 0 would mean no limit
      connection.setProperty("connectTimeout", String.valueOf(wholeSeconds(connect)));
      connection.setProperty("loginTimeout", String.valueOf(wholeSeconds(connect)));
      connection.setProperty("socketTimeout", String.valueOf(wholeSeconds(read)));
    }
  },

  /**
   * MySQL and MariaDB: one statement at a time; databases made by root, which their images give the
   * password of the manifest's user.
   */
  MYSQL {
    @Override
    boolean runsWholeScripts() {
      return false;
    }

    @Override
    public List<String> createDatabase(String name, String owner) {
      return List.of(
          "DROP DATABASE IF EXISTS `" + name + "`",
          "CREATE DATABASE `" + name + "`",
          "GRANT ALL ON `" + name + "`.* TO '" + owner.replace("'", "''") + "'@'%'");
    }

    @Override
    public String dropDatabase(String name) {
      return "DROP DATABASE IF EXISTS `" + name + "`";
    }

    @Override
    public boolean copiesDatabases() {
      return true;
    }

    @Override
    public boolean copyDatabase(
        Connection admin, String name, String template, String owner, Duration limit)
        throws SQLException {
      return MysqlCopy.copy(admin, template, name, createDatabase(name, owner), limit);
    }

    @Override
    public String databaseExists() {
      return "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?";
    }

    /** MySQL keeps no note on a database: the note is an empty database beside it. */
    @Override
    public Optional<String> markSeeded(String name, String where) {
      return Optional.of("CREATE DATABASE IF NOT EXISTS `" + seededMark(name) + "`");
    }

    @Override
    public Optional<String> unmarkSeeded(String name) {
      return Optional.of(dropDatabase(seededMark(name)));
    }

    @Override
    public boolean markedSeeded(Connection admin, String database) throws SQLException {
      // both in one question: this is asked for each segment that opens its database
      try (PreparedStatement s =
          admin.prepareStatement(
              "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name IN (?, ?)")) {
        s.setString(1, database);
        s.setString(2, seededMark(database));
        try (ResultSet r = s.executeQuery()) {
          return r.next() && r.getInt(1) == 2;
        }
      }
    }

    @Override
    public String maintenanceDatabase() {
      return "mysql";
    }

    @Override
    public String adminUser(String username) {
      return "root";
    }

    @Override
    void limitTime(Properties connection, Duration connect, Duration read) {
      // MySQL's Connector/J and MariaDB's driver both count in milliseconds
      connection.setProperty("connectTimeout", String.valueOf(Math.max(1, connect.toMillis())));
      connection.setProperty("socketTimeout", String.valueOf(Math.max(1, read.toMillis())));
    }
  };

  /**
   * Whether a seed script runs as one statement, the server placing an error within it; otherwise
   * it is split and run one statement at a time.
   */
  abstract boolean runsWholeScripts();

  /**
   * The statements that make database {@code name}, fresh, owned by or granted to {@code owner}.
   */
  public abstract List<String> createDatabase(String name, String owner);

  /** Whether the server copies a database into a new one ({@link #cloneDatabase}). */
  public boolean clonesDatabases() {
    return false;
  }

  /** The statements that make database {@code name} a copy of {@code template}. */
  public List<String> cloneDatabase(String name, String template, String owner) {
    throw new UnsupportedOperationException("this server does not clone databases");
  }

  /**
   * Whether {@link #copyDatabase} can make a database a copy of another: by a clone where the
   * server clones ({@link #clonesDatabases}), by copying tables and rows on MySQL and MariaDB.
   */
  public boolean copiesDatabases() {
    return clonesDatabases();
  }

  /**
   * Makes database {@code name}, owned by or granted to {@code owner}, a copy of {@code template}
   * on the administrator's connection {@code admin}, each statement within {@code limit}; false,
   * making nothing, where the template holds what the copy cannot carry (on MySQL and MariaDB:
   * views, triggers, routines, events, sequences, system-versioned tables).
   */
  public boolean copyDatabase(
      Connection admin, String name, String template, String owner, Duration limit)
      throws SQLException {
    try (Statement s = SqlLimits.limit(admin.createStatement(), limit)) {
      for (String sql : cloneDatabase(name, template, owner)) {
        s.execute(sql);
      }
    }
    return true;
  }

  /** The statement that renames database {@code from} to {@code to}, on servers that clone. */
  public String renameDatabase(String from, String to) {
    throw new UnsupportedOperationException("this server does not clone databases");
  }

  /** The query, with the database's name as its one parameter, that finds a database. */
  public abstract String databaseExists();

  /** Whether the server of the administrator's connection {@code admin} has {@code database}. */
  public boolean exists(Connection admin, String database) throws SQLException {
    try (PreparedStatement s = admin.prepareStatement(databaseExists())) {
      s.setString(1, database);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  /**
   * The statement that notes on database {@code name} that its seeds ran to the end: PostgreSQL's
   * comment on the database; on MySQL and MariaDB, which keep none, an empty database beside it
   * ({@link #seededMark}).
   */
  public Optional<String> markSeeded(String name) {
    return markSeeded(name, "");
  }

  /** As {@link #markSeeded(String)}, the note saying where: {@code in a snapshot}. */
  public Optional<String> markSeeded(String name, String where) {
    return Optional.empty();
  }

  /**
   * Whether {@code database} is on the server of the administrator's connection {@code admin} with
   * the note {@link #markSeeded} leaves: its seeds ran to the end.
   */
  public boolean markedSeeded(Connection admin, String database) throws SQLException {
    return false;
  }

  /**
   * The statement that removes {@link #markSeeded}'s note from database {@code name} before it is
   * made again, where the note outlives the database (MySQL's, a database of its own); none where
   * it goes with it.
   */
  public Optional<String> unmarkSeeded(String name) {
    return Optional.empty();
  }

  /** The note {@link #markSeeded} leaves. */
  static final String SEEDED_NOTE = "io.segmented: seeded";

  /** The longest database name MySQL and MariaDB accept. */
  private static final int MYSQL_MAX_NAME = 64;

  /**
   * The empty database that notes on MySQL and MariaDB that database {@code name}'s seeds ran to
   * the end: {@code <name>_seeded}, shortened with a hash where the server would refuse it.
   */
  static String seededMark(String name) {
    return DatabaseNames.within(name, "_seeded", MYSQL_MAX_NAME);
  }

  /** The database an administrator connects to when the one to drop is the tests' own. */
  public abstract String maintenanceDatabase();

  /** The statement that removes database {@code name}, also while connections hold it. */
  public abstract String dropDatabase(String name);

  /** The user that creates and drops databases, given the user the tests connect as. */
  public abstract String adminUser(String username);

  /**
   * Sets the driver's limits on {@code connection}: connecting (and logging in) may take {@code
   * connect}, and any one wait for the server's answer {@code read}, after which the connection is
   * given up.
   */
  abstract void limitTime(Properties connection, Duration connect, Duration read);

  /** Whole seconds, at least one: what {@code Statement.setQueryTimeout} and PgJDBC take. */
  static int wholeSeconds(Duration d) {
    long seconds = (d.toMillis() + 999) / 1000;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, seconds));
  }

  private static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
