package io.segmented.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a test JVM receives on its standard input before its tests run, one {@link EventCodec} line
 * each: {@code P name value} (a system property), {@code E name value} (an environment variable),
 * {@code R port token} (the restore port and the token to send first), {@code S value} (a secret to
 * mask in the events), then {@code GO}. A JVM started beside its segment's fixtures receives their
 * attributes once they are ready; every JVM receives the system properties that hold secrets (which
 * its argument file, a file under {@code target/}, leaves out) and the run's secrets. The JVM has
 * discovered and loaded its tests meanwhile; the tests start the moment this arrives, and see every
 * attribute as system property and environment variable, as a JVM started after the fixtures with
 * all of them on its command line would.
 *
 * @param properties the system properties to set
 * @param env the environment variables to set
 * @param restorePort the port to ask for restores at; 0 for none
 * @param restoreToken the token that opens a restore connection
 * @param secrets the values to mask in the events the JVM writes
 */
record FixtureHandoff(
    Map<String, String> properties,
    Map<String, String> env,
    int restorePort,
    String restoreToken,
    List<String> secrets) {

  /** Reads the handoff; null when the input ends first (the engine stopped the segment). */
  static FixtureHandoff read(InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Map<String, String> properties = new LinkedHashMap<>();
    Map<String, String> env = new LinkedHashMap<>();
    int restorePort = 0;
    String restoreToken = "";
    List<String> secrets = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null) {
      List<String> f = EventCodec.decode(line);
      switch (f.get(0)) {
        case "P" -> properties.put(f.get(1), f.get(2));
        case "E" -> env.put(f.get(1), f.get(2));
        case "R" -> {
          restorePort = Integer.parseInt(f.get(1));
          restoreToken = f.size() > 2 ? f.get(2) : "";
        }
        case "S" -> secrets.add(f.get(1));
        case "GO" -> {
          return new FixtureHandoff(
              properties, env, restorePort, restoreToken, List.copyOf(secrets));
        }
        default -> throw new IOException("unknown handoff line: " + line);
      }
    }
    return null;
  }

  /** Sets the system properties and the environment variables in this JVM. */
  void apply() throws ReflectiveOperationException {
    properties.forEach(System::setProperty);
    if (!env.isEmpty()) {
      environment().putAll(env);
    }
  }

  /**
   * The JVM's environment, writable: the map behind {@link System#getenv()}, which also backs the
   * environment of the processes the tests start. Needs {@code --add-opens
   * java.base/java.util=ALL-UNNAMED}, which the engine gives a JVM it starts this way.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, String> environment() throws ReflectiveOperationException {
    Map<String, String> unmodifiable = System.getenv();
    Field m = unmodifiable.getClass().getDeclaredField("m");
    m.setAccessible(true);
    return (Map<String, String>) m.get(unmodifiable);
  }
}
