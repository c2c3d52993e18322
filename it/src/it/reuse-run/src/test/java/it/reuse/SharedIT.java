package it.reuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SharedIT {

  private final String me = System.getProperty("segment.id");
  private final String other = me.equals("left") ? "right" : "left";
  private final Path sync = Path.of(System.getProperty("segment.basedir"), "target", "sync");

  @Test
  void eachSegmentSeesOnlyItsOwnDataOnTheSharedServers() throws Exception {
    assertEquals("app_" + me, System.getProperty("fixtures.db.database"));
    assertEquals("legacy_" + me, System.getProperty("fixtures.legacy.database"));
    try (Connection pg = connect("db");
        Connection maria = connect("legacy");
        Statement p = pg.createStatement();
        Statement m = maria.createStatement()) {
      // The shared MariaDB's database is a copy of the seeded template: its rows, its generated
      // column, where AUTO_INCREMENT goes on (4: the seeds deleted the third row), and its foreign
      // key, which points at the copy's own table (the new customer is not in the template's)
      assertEquals("ada:ADA,bob:BOB", customers(m));
      m.execute("INSERT INTO customers (name) VALUES ('" + me + "')");
      assertEquals("ada:ADA,bob:BOB," + me + ":" + me.toUpperCase(), customers(m));
      assertEquals(4, single(m, "SELECT id FROM customers WHERE name = '" + me + "'"));
      m.execute("INSERT INTO orders (customer_id) VALUES (4)");
      assertThrows(
          SQLException.class, () -> m.execute("INSERT INTO orders (customer_id) VALUES (99)"));

      // Both segments write the same tables and the same Redis key while the other one runs.
      p.execute("INSERT INTO visits VALUES ('" + me + "'), ('" + me + "')");
      m.execute("CREATE TABLE visits (owner VARCHAR(10))");
      m.execute("INSERT INTO visits VALUES ('" + me + "')");
      assertEquals("+OK", redis("SET owner " + me));

      // Tell the other segment this one has written, and wait until it has too: proves both ran
      // at the same time. Each also says which host port the shared PostgreSQL answered on.
      Files.createDirectories(sync);
      Files.writeString(sync.resolve(me + ".port"), System.getProperty("fixtures.db.port"));
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (!Files.exists(sync.resolve(other + ".port"))) {
        assertTrue(Instant.now().isBefore(deadline), other + " never wrote: not concurrent");
        Thread.sleep(50);
      }

      // the template this segment's database is a clone of, and the note on where it was seeded
      try (ResultSet t =
          p.executeQuery(
              "SELECT shobj_description(oid, 'pg_database') FROM pg_database"
                  + " WHERE datname LIKE 'app\\_seeded\\_%'")) {
        assertTrue(t.next(), "the seeded template is on the shared server");
        Files.writeString(sync.resolve(me + ".template"), t.getString(1));
      }
      // whether this segment's database is older than the server: made in its snapshot, not
      // cloned by the run
      try (ResultSet made =
          p.executeQuery(
              "SELECT (pg_stat_file('base/' || oid || '/PG_VERSION')).modification"
                  + " < pg_postmaster_start_time() FROM pg_database"
                  + " WHERE datname = current_database()")) {
        assertTrue(made.next());
        Files.writeString(
            sync.resolve(me + ".made-in-snapshot"), String.valueOf(made.getBoolean(1)));
      }

      assertEquals("seed,2:" + me, owners(p));
      assertEquals("1:" + me, owners(m));
      assertEquals("ada:ADA,bob:BOB," + me + ":" + me.toUpperCase(), customers(m));
      assertEquals(me, redis("GET owner"));
    }
  }

  private static Connection connect(String fixture) throws Exception {
    return DriverManager.getConnection(
        System.getProperty("fixtures." + fixture + ".jdbc-url"),
        System.getProperty("fixtures." + fixture + ".username"),
        System.getProperty("fixtures." + fixture + ".password"));
  }

  /** The customers as {@code name:shout}, by id. */
  private static String customers(Statement s) throws Exception {
    StringBuilder out = new StringBuilder();
    try (ResultSet rs = s.executeQuery("SELECT name, shout FROM customers ORDER BY id")) {
      while (rs.next()) {
        out.append(out.length() > 0 ? "," : "").append(rs.getString(1)).append(':');
        out.append(rs.getString(2));
      }
    }
    return out.toString();
  }

  private static int single(Statement s, String query) throws Exception {
    try (ResultSet rs = s.executeQuery(query)) {
      assertTrue(rs.next(), query);
      return rs.getInt(1);
    }
  }

  /** The owners of the rows other than the seed's, as {@code count:owner}, seed first if any. */
  private static String owners(Statement s) throws Exception {
    StringBuilder out = new StringBuilder();
    try (ResultSet rs =
        s.executeQuery("SELECT owner, COUNT(*) FROM visits GROUP BY owner ORDER BY owner DESC")) {
      while (rs.next()) {
        String owner = rs.getString(1);
        if (out.length() > 0) {
          out.append(',');
        }
        out.append(owner.equals("seed") ? "seed" : rs.getInt(2) + ":" + owner);
      }
    }
    return out.toString();
  }

  private static String redis(String line) throws Exception {
    URI url = URI.create(System.getProperty("fixtures.cache.url"));
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      OutputStream out = socket.getOutputStream();
      String select = "SELECT " + url.getPath().substring(1);
      out.write((select + "\r\n" + line + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertEquals("+OK", in.readLine());
      String reply = in.readLine();
      return reply.equals("$-1") ? null : reply.startsWith("$") ? in.readLine() : reply;
    }
  }
}
