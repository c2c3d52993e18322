package io.segmented.bench.shop.cache;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal Redis client speaking RESP2 over one socket: enough for the price cache, no pooling.
 */
final class Resp implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  /** Connects to {@code redis://host:port/db} and selects the database. */
  Resp(URI url) {
    try {
      socket = new Socket(url.getHost(), url.getPort());
      socket.setSoTimeout(5_000);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to Redis at " + url, e);
    }
    String path = url.getPath() == null ? "" : url.getPath().replace("/", "");
    if (!path.isEmpty()) {
      call("SELECT", path);
    }
  }

  /** Sends one command and reads its reply: a String, Long, List or null. */
  Object call(String... args) {
    pipeline(List.of(args));
    return read();
  }

  /** Sends several commands at once and reads all replies, in order. */
  List<Object> pipelined(List<List<String>> commands) {
    commands.forEach(this::pipeline);
    List<Object> replies = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      replies.add(read());
    }
    return replies;
  }

  private void pipeline(List<String> args) {
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      buf.write(("*" + args.size() + "\r\n").getBytes(StandardCharsets.UTF_8));
      for (String a : args) {
        byte[] b = a.getBytes(StandardCharsets.UTF_8);
        buf.write(("$" + b.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        buf.write(b);
        buf.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.write(buf.toByteArray());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot send " + args.get(0) + " to Redis", e);
    }
  }

  private Object read() {
    try {
      int type = in.read();
      String line = line();
      switch (type) {
        case '+':
          return line;
        case '-':
          throw new IllegalStateException("Redis: " + line);
        case ':':
          return Long.parseLong(line);
        case '$':
          {
            int len = Integer.parseInt(line);
            if (len < 0) {
              return null;
            }
            byte[] b = in.readNBytes(len + 2);
            return new String(b, 0, len, StandardCharsets.UTF_8);
          }
        case '*':
          {
            int n = Integer.parseInt(line);
            if (n < 0) {
              return null;
            }
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
              items.add(read());
            }
            return items;
          }
        default:
          throw new IllegalStateException("Redis: unexpected reply type " + (char) type);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a reply from Redis", e);
    }
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) != '\r') {
      if (c < 0) {
        throw new IOException("Redis closed the connection");
      }
      sb.append((char) c);
    }
    in.read();
    return sb.toString();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
