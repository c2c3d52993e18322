package io.segmented.engine.restore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Redis back to its seeded state, which is empty (Redis takes no seeds): {@code FLUSHDB} on the
 * segment's own logical database, over one connection kept open for the segment.
 */
final class RedisFlush implements Restorer {

  private final URI url;
  private final String flush;
  private Socket socket;
  private OutputStream out;
  private BufferedReader in;

  RedisFlush(String url) {
    this(url, false);
  }

  /** With {@code all}, every logical database is flushed ({@code FLUSHALL}). */
  RedisFlush(String url, boolean all) {
    this.url = URI.create(url);
    this.flush = all ? "FLUSHALL" : "FLUSHDB";
  }

  @Override
  public void snapshot() throws IOException {
    socket = new Socket(url.getHost(), url.getPort());
    out = socket.getOutputStream();
    in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    String db =
        url.getPath() == null || url.getPath().length() < 2 ? "0" : url.getPath().substring(1);
    command("SELECT " + db);
  }

  @Override
  public void restore() throws IOException {
    command(flush);
  }

  private void command(String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    String reply = in.readLine();
    if (reply == null || !reply.startsWith("+OK")) {
      throw new IOException("Redis answered " + reply + " to " + line);
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // the fixture is stopped next
      }
    }
  }
}
