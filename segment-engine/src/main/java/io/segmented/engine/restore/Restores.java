package io.segmented.engine.restore;

import io.segmented.engine.fixture.Fixture;
import io.segmented.engine.fixture.Kinds;
import io.segmented.manifest.Attributes;
import io.segmented.manifest.DataScope;
import io.segmented.manifest.SegmentSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The restores of one segment's data scopes: a snapshot after the seeds, then, whenever the test
 * JVM asks at a class or test boundary ({@code scope: class|test}), every fixture of that scope put
 * back to it, while the JVM waits. Counts and times every restore.
 */
public final class Restores implements AutoCloseable {

  /**
   * The restores of one fixture.
   *
   * @param count how many ran
   * @param totalMillis their time together
   * @param maxMillis the longest
   */
  public record Stats(int count, long totalMillis, long maxMillis) {

    /** The mean time of a restore; 0 when none ran. */
    public long meanMillis() {
      return count == 0 ? 0 : totalMillis / count;
    }
  }

  record Entry(String fixtureId, DataScope.Scope scope, Restorer restorer) {}

  /** The answer to a connection whose first line is not the token; the connection then closes. */
  static final String UNAUTHORIZED =
      "FAILED not authorized: the first line must be this run's restore token";

  private final List<Entry> entries;
  private final String token = newToken();
  private final Map<String, Stats> stats = new LinkedHashMap<>();
  private ServerSocket server;
  private Thread serving;
  private volatile String failure;

  Restores(List<Entry> entries) {
    this.entries = entries;
    entries.forEach(e -> stats.put(e.fixtureId(), new Stats(0, 0, 0)));
  }

  /** The restores {@code segment}'s data scopes ask of its started {@code fixtures}. */
  public static Restores of(SegmentSpec segment, List<Fixture> fixtures) {
    return of(segment, fixtures, Map.of());
  }

  /**
   * Something to do with a fixture's state just before a restore throws it away: a WireMock
   * double's request journal, which its reset clears, is read by the contract checks first.
   */
  public interface BeforeRestore {
    void run() throws Exception;
  }

  /**
   * The restores {@code segment}'s data scopes ask of its started {@code fixtures}, with what to do
   * before a wiremock fixture's reset, by fixture id.
   */
  public static Restores of(
      SegmentSpec segment, List<Fixture> fixtures, Map<String, BeforeRestore> beforeReset) {
    List<Entry> entries = new ArrayList<>();
    for (Fixture f : fixtures) {
      DataScope scope = segment.data().get(f.spec().id());
      if (scope == null) {
        continue;
      }
      Restorer restorer;
      if (!scope.resetCommand().isEmpty()) {
        if (scope.scope() == DataScope.Scope.SEGMENT && f.seeded()) {
          continue; // a kept container's lease ran it already
        }
        restorer = new ResetCommand(f, scope.resetCommand(), scope.resetTimeout());
      } else if (scope.scope() == DataScope.Scope.SEGMENT) {
        continue;
      } else {
        restorer =
            Kinds.of(f.spec().kind())
                .restorer(
                    Attributes.of(f.attributes()),
                    beforeReset.getOrDefault(f.spec().id(), () -> {}))
                .orElse(null);
      }
      if (restorer != null) {
        entries.add(new Entry(f.spec().id(), scope.scope(), restorer));
      }
    }
    return new Restores(entries);
  }

  /** Where the test JVM must ask: {@code class}, {@code test}, both or none. */
  public Set<String> boundaries() {
    Set<String> at = new LinkedHashSet<>();
    for (Entry e : entries) {
      if (e.scope() != DataScope.Scope.SEGMENT) {
        at.add(e.scope().name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return at;
  }

  /**
   * Records the seeded state of every fixture, and runs the reset commands of {@code scope:
   * segment} once, before the tests.
   */
  public void prepare() throws RestoreException {
    for (Entry e : entries) {
      try {
        e.restorer().snapshot();
        if (e.scope() == DataScope.Scope.SEGMENT) {
          restore(e);
        }
      } catch (Exception ex) {
        throw new RestoreException(
            "fixture '" + e.fixtureId() + "': cannot prepare its data scope: " + message(ex), ex);
      }
    }
  }

  /**
   * The secret of this run that a connection must send as its first line before any request: the
   * port is on loopback, where any local process could otherwise ask for a restore. The test JVM
   * gets it over its standard input or its environment, never on its command line.
   */
  public String token() {
    return token;
  }

  private static String newToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Starts answering the test JVM's requests; returns the port it asks on. */
  public int listen() throws IOException {
    server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    serving = new Thread(this::serve, "segment-restores");
    serving.setDaemon(true);
    serving.start();
    return server.getLocalPort();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket jvm = server.accept();
          BufferedReader in =
              new BufferedReader(
                  new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
          Writer out = new OutputStreamWriter(jvm.getOutputStream(), StandardCharsets.UTF_8)) {
        String first = in.readLine();
        if (first == null
            || !MessageDigest.isEqual(
                first.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
          out.write(UNAUTHORIZED + "\n");
          out.flush();
          continue;
        }
        String line;
        while ((line = in.readLine()) != null) {
          out.write(answer(line) + "\n");
          out.flush();
        }
      } catch (IOException e) {
        // the JVM went away, or the segment is over
      }
    }
  }

  /** {@code RESTORE class <name>} or {@code RESTORE test <name>}: {@code OK} or why not. */
  private String answer(String request) {
    String[] parts = request.split(" ", 3);
    if (parts.length < 2 || !parts[0].equals("RESTORE")) {
      return "FAILED unknown request: " + request;
    }
    DataScope.Scope scope = parts[1].equals("class") ? DataScope.Scope.CLASS : DataScope.Scope.TEST;
    String before = parts.length > 2 ? parts[2] : "";
    for (Entry e : entries) {
      if (e.scope() != scope) {
        continue;
      }
      try {
        restore(e);
      } catch (Exception ex) {
        failure =
            "fixture '"
                + e.fixtureId()
                + "': its data could not be restored before "
                + parts[1]
                + " "
                + before
                + ": "
                + message(ex);
        return "FAILED " + failure;
      }
    }
    return "OK";
  }

  private void restore(Entry e) throws Exception {
    long started = System.nanoTime();
    e.restorer().restore();
    long millis = (System.nanoTime() - started) / 1_000_000;
    synchronized (stats) {
      Stats s = stats.get(e.fixtureId());
      stats.put(
          e.fixtureId(),
          new Stats(s.count() + 1, s.totalMillis() + millis, Math.max(s.maxMillis(), millis)));
    }
  }

  /** The first restore that failed, if one did. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** The restores of each fixture so far. */
  public Map<String, Stats> stats() {
    synchronized (stats) {
      return Map.copyOf(stats);
    }
  }

  private static String message(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    int newline = m.indexOf('\n');
    return (newline < 0 ? m : m.substring(0, newline)).strip();
  }

  @Override
  public void close() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        // nothing left to do
      }
    }
    entries.forEach(e -> e.restorer().close());
  }
}
