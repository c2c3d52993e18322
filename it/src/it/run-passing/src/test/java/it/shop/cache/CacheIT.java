package it.shop.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CacheIT {

  @Test
  void aRealRedisAnswersAtTheUrlItWasGiven() throws Exception {
    URI url = URI.create(System.getProperty("fixtures.cache.url"));
    assertEquals(System.getenv("FIXTURES_CACHE_PORT"), String.valueOf(url.getPort()));
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write("SET greeting hello\r\nGET greeting\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertEquals("+OK", in.readLine());
      assertEquals("$5", in.readLine());
      assertEquals("hello", in.readLine());
    }
  }
}
