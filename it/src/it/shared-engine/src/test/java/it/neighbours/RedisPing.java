package it.neighbours;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Asks the segment's redis fixture for PING, without a client library: proves it is up. */
final class RedisPing {

  private RedisPing() {}

  static String ping() throws IOException {
    String host = System.getProperty("fixtures.cache.host");
    int port = Integer.parseInt(System.getProperty("fixtures.cache.port"));
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    }
  }
}
