package io.segmented.engine.data;

import io.segmented.engine.fixture.Fixture;
import io.segmented.engine.fixture.Kinds;
import io.segmented.manifest.Attributes;
import io.segmented.manifest.DataScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs a data scope's seed scripts, in order, into the segment's own database (PostgreSQL, MySQL or
 * MariaDB), as the user the tests connect as. A failing statement is reported at its file and line,
 * so the author finds it at once.
 */
public final class Seeds {

  private Seeds() {}

  /**
   * Runs the seeds of {@code scope} against the database the {@code attributes} of its fixture name
   * ({@code jdbc-url}, {@code username}, {@code password}), in the dialect of {@code fixture}'s
   * kind; each statement may run for {@code limit}, what is left of the segment's timeout.
   */
  public static void run(DataScope scope, Fixture fixture, Duration limit) throws SeedException {
    SqlDialect dialect =
        Kinds.of(fixture.spec().kind())
            .sqlDialect()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "fixture '" + fixture.spec().id() + "' is no SQL database"));
    run(scope, dialect, fixture.attributes(), limit);
  }

  /**
   * Runs the seeds of {@code scope} against the database the {@code attributes} of its fixture name
   * ({@code jdbc-url}, {@code username}, {@code password}), in {@code dialect}; each statement may
   * run for {@code limit}.
   */
  public static void run(
      DataScope scope, SqlDialect dialect, Map<String, String> attributes, Duration limit)
      throws SeedException {
    if (scope.seed().isEmpty()) {
      return;
    }
    Attributes fixture = Attributes.of(attributes);
    Properties connection = new Properties();
    // One simple-protocol query per file, so that the server places an error within the whole file.
    connection.setProperty("preferQueryMode", "simple");
    try (Connection c =
            SqlLimits.connect(
                dialect,
                fixture.jdbcUrl(),
                fixture.username(),
                fixture.password(),
                limit,
                connection);
        Statement statement = SqlLimits.limit(c.createStatement(), limit)) {
      for (Path file : scope.seed()) {
        String script = read(file);
        if (dialect.runsWholeScripts()) {
          try {
            statement.execute(script);
          } catch (SQLException e) {
            throw failed(file, line(script, e), e, limit);
          }
        } else {
          // MySQL and MariaDB run one statement at a time, and say nothing of where it failed.
          for (SqlScript.Statement sql : SqlScript.split(script)) {
            try {
              statement.execute(sql.sql());
            } catch (SQLException e) {
              throw failed(file, sql.line(), e, limit);
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new SeedException(
          "cannot connect to fixture '" + scope.fixtureId() + "' to seed it: " + message(e), e);
    }
  }

  private static SeedException failed(Path file, int line, SQLException e, Duration limit) {
    if (SqlLimits.ranOutOfTime(e)) {
      return new SeedException(
          file
              + ":"
              + line
              + ": still running after "
              + limit.toSeconds()
              + " s, what was left of the segment's timeout, and cancelled ("
              + message(e)
              + "). Is it waiting for a lock? If it only needs longer, raise the segment's"
              + " 'timeout'",
          e);
    }
    return new SeedException(file + ":" + line + ": " + message(e), e);
  }

  private static String read(Path file) throws SeedException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SeedException(file + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /** The line of the script where the server placed the error; 1 when it did not say. */
  static int line(String script, SQLException e) {
    int position = 0;
    if (e instanceof PSQLException p) {
      ServerErrorMessage server = p.getServerErrorMessage();
      if (server != null) {
        position = server.getPosition();
      }
    }
    int line = 1;
    for (int i = 0; i < Math.min(position - 1, script.length()); i++) {
      if (script.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String message(SQLException e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    int newline = m.indexOf('\n');
    return (newline < 0 ? m : m.substring(0, newline)).strip();
  }
}
