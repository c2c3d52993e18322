package it.keptshared;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.ArrayList;
import java.util.List;

/**
 * What each segment checks on the servers it uses: only the seeds in its database, nothing in its
 * Redis database; then it leaves a row and a key of its own behind, which neither the other segment
 * (the run runs them one at a time) nor a later build may see. With target/block-after-write
 * present it then writes target/written and waits to be killed.
 */
final class Rows {

  private Rows() {}

  static void seesOnlyTheSeedsAndLeavesItsOwn(String segment) throws Exception {
    String mark = segment + "-" + ProcessHandle.current().pid();
    String url = System.getProperty("fixtures.shop-db.jdbc-url");
    String password = System.getProperty("fixtures.shop-db.password");
    // the server's own database, and Redis's database 0: what verify.groovy left in them between
    // builds is gone, as in a server started for the build
    try (Connection c =
            DriverManager.getConnection(
                url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1shop"), "shop", password);
        ResultSet rs =
            c.createStatement().executeQuery("select to_regclass('left_behind') is null")) {
      rs.next();
      assertTrue(rs.getBoolean(1), "the server's own database holds a table an earlier build left");
    }
    URI redis = URI.create(System.getProperty("fixtures.cache.url"));
    assertEquals("0", redis(redis, "0", "DBSIZE"), "keys an earlier build left in database 0");
    try (Connection c = DriverManager.getConnection(url, "shop", password)) {
      List<String> others = new ArrayList<>();
      try (ResultSet rs =
          c.createStatement().executeQuery("select sku from products where source <> 'seed'")) {
        while (rs.next()) {
          others.add(rs.getString(1));
        }
      }
      assertEquals(List.of(), others, "rows of another segment or build");
      c.createStatement().execute("insert into products values ('" + mark + "', 'test')");
    }
    String index = redis.getPath().isEmpty() ? "0" : redis.getPath().substring(1);
    assertEquals("0", redis(redis, index, "DBSIZE"), "keys of another segment or build");
    redis(redis, index, "SET mark " + mark);
    Path target = Path.of(System.getProperty("segment.basedir"), "target");
    if (Files.exists(target.resolve("block-after-write"))) {
      Files.writeString(
          target.resolve("written"),
          "segment=" + segment + "\ntest.jvm.pid=" + ProcessHandle.current().pid() + "\n");
      Thread.sleep(300_000);
    }
  }

  /** One inline command on database {@code index}; the reply's first line, without its type. */
  private static String redis(URI server, String index, String command) throws Exception {
    try (Socket s = new Socket(server.getHost(), server.getPort());
        OutputStream out = s.getOutputStream();
        BufferedReader in =
            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
      out.write(("SELECT " + index + "\r\n" + command + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      String selected = in.readLine();
      assertEquals("+OK", selected, "SELECT " + index);
      return in.readLine().substring(1);
    }
  }
}
