package io.segmented.engine.data;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * The time limits of the engine's own SQL (seeds, restores, a segment's own database): connecting
 * may take {@link #CONNECT}, a statement the limit its caller gives, and a server that stops
 * answering altogether is given up a little after that, so no seed or restore waits forever.
 */
public final class SqlLimits {

  /** How long connecting and logging in may take. */
  public static final Duration CONNECT = Duration.ofSeconds(30);

  /**
   * How much longer than a statement's limit a read may wait before the connection is given up: the
   * statement's own cancellation comes first, with the server's error.
   */
  private static final Duration READ_MARGIN = Duration.ofSeconds(30);

  private SqlLimits() {}

  /**
   * A connection to {@code url} as {@code user}, in {@code dialect}, whose reads wait at most a
   * little longer than {@code statementLimit}; {@code extra} properties added.
   */
  public static Connection connect(
      SqlDialect dialect,
      String url,
      String user,
      String password,
      Duration statementLimit,
      Properties extra)
      throws SQLException {
    Properties properties = new Properties();
    properties.putAll(extra);
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    dialect.limitTime(properties, CONNECT, statementLimit.plus(READ_MARGIN));
    return DriverManager.getConnection(url, properties);
  }

  /** {@code statement} cancelled by the server once it runs longer than {@code limit}. */
  public static Statement limit(Statement statement, Duration limit) throws SQLException {
    statement.setQueryTimeout(SqlDialect.wholeSeconds(limit));
    return statement;
  }

  /**
   * Whether {@code e} says the statement ran out of time: cancelled by its limit (PostgreSQL's
   * {@code query_canceled}, MySQL's and MariaDB's timeout), or the server stopped answering.
   */
  public static boolean ranOutOfTime(SQLException e) {
    if (e instanceof SQLTimeoutException || "57014".equals(e.getSQLState())) {
      return true;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketTimeoutException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /**
   * A restore that ran out of its {@code limit}: what most likely held it, around the server's own
   * words.
   */
  public static SQLException restoreTimedOut(Duration limit, SQLException e) {
    return new SQLException(
        "the restore was still running after "
            + limit.toSeconds()
            + " s and was cancelled: does a test leave a transaction open that holds a lock"
            + " on one of the tables? ("
            + e.getMessage()
            + ")",
        e);
  }
}
