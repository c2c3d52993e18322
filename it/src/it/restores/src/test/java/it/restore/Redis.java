package it.restore;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

final class Redis {

  /** Sends one command to the segment's Redis database; returns the first line of the reply. */
  static String command(String line) throws Exception {
    URI url = URI.create(System.getProperty("fixtures.cache.url"));
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("SELECT " + url.getPath().substring(1) + "\r\n" + line + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      in.readLine();
      return in.readLine();
    }
  }

  private Redis() {}
}
