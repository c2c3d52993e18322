package io.segmented.engine.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestoresTokenTest {

  @Test
  void aConnectionThatDoesNotStartWithTheTokenIsRefusedAndClosed() throws IOException {
    try (Restores restores = new Restores(List.of())) {
      int port = restores.listen();
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        BufferedReader in = reader(s);
        Writer out = writer(s);
        out.write("RESTORE class com.example.SomeTest\n");
        out.flush();
        assertEquals(
            "FAILED not authorized: the first line must be this run's restore token",
            in.readLine());
        assertNull(in.readLine());
      }
    }
  }

  @Test
  void aWrongTokenIsRefused() throws IOException {
    try (Restores restores = new Restores(List.of())) {
      int port = restores.listen();
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        BufferedReader in = reader(s);
        Writer out = writer(s);
        out.write("0".repeat(restores.token().length()) + "\nRESTORE class com.example.SomeTest\n");
        out.flush();
        assertEquals(Restores.UNAUTHORIZED, in.readLine());
        assertNull(in.readLine());
      }
    }
  }

  @Test
  void theTokenOpensTheConnection() throws IOException {
    try (Restores restores = new Restores(List.of())) {
      int port = restores.listen();
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        BufferedReader in = reader(s);
        Writer out = writer(s);
        out.write(restores.token() + "\nRESTORE class com.example.SomeTest\n");
        out.flush();
        assertEquals("OK", in.readLine());
      }
    }
  }

  @Test
  void everyRunHasItsOwnToken() {
    try (Restores a = new Restores(List.of());
        Restores b = new Restores(List.of())) {
      assertEquals(48, a.token().length());
      assertNotEquals(a.token(), b.token());
    }
  }

  private static BufferedReader reader(Socket s) throws IOException {
    return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
  }

  private static Writer writer(Socket s) throws IOException {
    return new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
  }
}
