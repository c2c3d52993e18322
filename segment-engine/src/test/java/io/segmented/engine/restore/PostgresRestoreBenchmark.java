package io.segmented.engine.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Compares the two ways to put PostgreSQL back to a seed of 10 tables and 1,000 rows: truncate and
 * copy back from a snapshot (what {@link PostgresSnapshot} does), against dropping the database and
 * cloning it again from a template (plus the new connection every held one would need). Prints the
 * times and their ratio; asserts only that each method restores the seed. Off by default:
 *
 * <pre>mvn -pl segment-engine test -Dbenchmark=true -Dtest=PostgresRestoreBenchmark</pre>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class PostgresRestoreBenchmark {

  private static final int TABLES = 10;
  private static final int ROWS = 100;
  private static final int ROUNDS = 30;

  @Test
  void truncateAndCopyBackAgainstCloningFromATemplate() throws Exception {
    String image = System.getProperty("it.image.postgres", "segmented-it/postgres:15");
    try (PostgreSQLContainer pg =
        new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
            .withDatabaseName("bench")
            .withUsername("bench")
            .withPassword("bench")) {
      pg.start();
      String base = pg.getJdbcUrl();
      try (Connection admin = DriverManager.getConnection(base, "bench", "bench");
          Statement s = admin.createStatement()) {
        s.execute("CREATE DATABASE seeded");
        s.execute("CREATE DATABASE snap");
      }
      seed(url(base, "seeded"));
      seed(url(base, "snap"));

      // truncate and copy back, on a connection the tests would hold
      PostgresSnapshot snapshot =
          new PostgresSnapshot(url(base, "snap"), "bench", "bench", Restorers.SQL_LIMIT);
      snapshot.snapshot();
      List<Long> truncate = new ArrayList<>();
      try (Connection held = DriverManager.getConnection(url(base, "snap"), "bench", "bench")) {
        for (int i = 0; i < ROUNDS; i++) {
          mess(held);
          long t = System.nanoTime();
          snapshot.restore();
          truncate.add(System.nanoTime() - t);
          assertEquals(TABLES * ROWS, rows(held), "the held connection sees the seed again");
        }
      }
      snapshot.close();

      // drop and clone from the template, then connect anew (re-pointing what the tests hold)
      List<Long> clone = new ArrayList<>();
      try (Connection admin = DriverManager.getConnection(base, "bench", "bench");
          Statement s = admin.createStatement()) {
        s.execute("CREATE DATABASE work TEMPLATE seeded");
        for (int i = 0; i < ROUNDS; i++) {
          try (Connection held = DriverManager.getConnection(url(base, "work"), "bench", "bench")) {
            mess(held);
          }
          long t = System.nanoTime();
          s.execute("DROP DATABASE work WITH (FORCE)");
          s.execute("CREATE DATABASE work TEMPLATE seeded");
          try (Connection again =
              DriverManager.getConnection(url(base, "work"), "bench", "bench")) {
            clone.add(System.nanoTime() - t);
            assertEquals(TABLES * ROWS, rows(again));
          }
        }
      }
      double a = median(truncate);
      double b = median(clone);
      System.out.printf(
          Locale.ROOT,
          "PostgreSQL restore of %d tables, %d rows, median of %d: truncate and copy back %.1f ms,"
              + " clone from template and reconnect %.1f ms; clone / truncate = %.2f%n",
          TABLES,
          TABLES * ROWS,
          ROUNDS,
          a,
          b,
          b / a);
    }
  }

  private static String url(String base, String database) {
    return base.replaceFirst("/bench", "/" + database);
  }

  private static void seed(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "bench", "bench");
        Statement s = c.createStatement()) {
      for (int t = 0; t < TABLES; t++) {
        s.execute("CREATE TABLE t" + t + " (id SERIAL PRIMARY KEY, note TEXT NOT NULL)");
        s.execute(
            "INSERT INTO t"
                + t
                + " (note) SELECT 'row ' || g FROM generate_series(1, "
                + ROWS
                + ") g");
      }
    }
  }

  private static void mess(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute("INSERT INTO t0 (note) VALUES ('mine')");
      s.execute("DELETE FROM t1 WHERE id < 50");
    }
  }

  private static long rows(Connection c) throws Exception {
    long total = 0;
    try (Statement s = c.createStatement()) {
      for (int t = 0; t < TABLES; t++) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t" + t)) {
          rs.next();
          total += rs.getLong(1);
        }
      }
    }
    return total;
  }

  private static double median(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2) / 1e6;
  }
}
