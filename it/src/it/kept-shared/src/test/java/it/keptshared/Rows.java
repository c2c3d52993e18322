package it.keptshared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * What each segment checks on the servers it uses: only the seeds in its database, nothing in its
 * Redis database; then it leaves a row and a key of its own behind, which neither the other segment
 * (the run runs them one at a time) nor a later build may see.
 */
final class Rows {

  private Rows() {}

  static void seesOnlyTheSeedsAndLeavesItsOwn(String segment) throws Exception {
    String mark = segment + "-" + ProcessHandle.current().pid();
    try (Connection c =
        DriverManager.getConnection(
            System.getProperty("fixtures.shop-db.jdbc-url"),
            "shop",
            System.getProperty("fixtures.shop-db.password"))) {
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
    URI redis = URI.create(System.getProperty("fixtures.cache.url"));
    String index = redis.getPath().isEmpty() ? "0" : redis.getPath().substring(1);
    assertEquals("0", redis(redis, index, "DBSIZE"), "keys of another segment or build");
    redis(redis, index, "SET mark " + mark);
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
