package it.kept;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sees only the seeded rows and an empty Redis, whatever builds ran before or run beside; then
 * leaves rows and a key of its build behind, which no other build may see. With
 * target/block-after-write present it then writes target/written and waits to be killed; with
 * target/hold present it writes target/written and waits until hold is gone (5 minutes at most).
 */
class RowsIT {

  @Test
  void seesOnlyTheSeedsAndLeavesItsOwnRows() throws Exception {
    String build =
        System.getProperty("fixtures.shop-db.port") + "-" + ProcessHandle.current().pid();
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
      assertEquals(List.of(), others, "rows of another build");
      c.createStatement().execute("insert into products values ('" + build + "', 'build')");
    }
    assertEquals("0", redis("DBSIZE"), "keys of another build in Redis");
    redis("SET build " + build);
    Path target = Path.of(System.getProperty("segment.basedir"), "target");
    if (Files.exists(target.resolve("block-after-write"))) {
      Files.writeString(target.resolve("written"), "build=" + build);
      Thread.sleep(300_000);
    }
    // with target/hold present it writes target/written too, and waits until hold is gone
    Path hold = target.resolve("hold");
    if (Files.exists(hold)) {
      Files.writeString(target.resolve("written"), "build=" + build);
      for (int i = 0; i < 6_000 && Files.exists(hold); i++) {
        Thread.sleep(50);
      }
    }
  }

  private static String redis(String command) throws Exception {
    try (Socket s =
            new Socket(
                System.getProperty("fixtures.cache.host"),
                Integer.parseInt(System.getProperty("fixtures.cache.port")));
        OutputStream out = s.getOutputStream();
        BufferedReader in =
            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
      String[] parts = command.split(" ");
      StringBuilder resp = new StringBuilder("*" + parts.length + "\r\n");
      for (String p : parts) {
        resp.append("$")
            .append(p.getBytes(StandardCharsets.UTF_8).length)
            .append("\r\n")
            .append(p)
            .append("\r\n");
      }
      out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      String line = in.readLine();
      return line.substring(1);
    }
  }
}
