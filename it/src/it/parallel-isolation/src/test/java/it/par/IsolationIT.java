package it.par;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IsolationIT {

  private static String command(String... lines) throws Exception {
    try (Socket socket =
        new Socket(
            System.getProperty("fixtures.cache.host"),
            Integer.parseInt(System.getProperty("fixtures.cache.port")))) {
      OutputStream out = socket.getOutputStream();
      for (String line : lines) {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      String last = null;
      for (int i = 0; i < lines.length; i++) {
        last = in.readLine();
        if (last.startsWith("$") && !last.equals("$-1")) {
          last = in.readLine();
        }
      }
      return last;
    }
  }

  @Test
  void seesOnlyItsOwnData() throws Exception {
    String me = System.getProperty("segment.id");
    // Every segment writes the same key; a shared Redis would show another segment's value after
    // the pause.
    assertEquals("+OK", command("SET owner " + me));
    Thread.sleep(1500);
    assertEquals(me, command("GET owner"));
  }
}
