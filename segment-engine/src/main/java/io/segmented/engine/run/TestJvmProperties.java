package io.segmented.engine.run;

import io.segmented.engine.fixture.Fixture;
import io.segmented.manifest.Interpolator;
import io.segmented.manifest.SegmentSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The system properties and environment variables a segment's test JVM gets, named as the manifest
 * contract says: {@code fixtures.<id>.<attribute>} and {@code FIXTURES_<ID>_<ATTRIBUTE>}, the
 * {@code expose} aliases, {@code segment.id} and {@code segment.basedir}, and the segment's own
 * properties and env.
 *
 * @param systemProperties the {@code -D} properties
 * @param env the environment variables
 */
public record TestJvmProperties(Map<String, String> systemProperties, Map<String, String> env) {

  /** The properties of {@code segment} with its started {@code fixtures}. */
  public static TestJvmProperties of(SegmentSpec segment, Path moduleDir, List<Fixture> fixtures) {
    Map<String, String> props = new LinkedHashMap<>(segment.properties());
    Map<String, String> env = new LinkedHashMap<>(segment.env());
    props.put("segment.id", segment.id());
    props.put("segment.basedir", moduleDir.toString());
    for (Fixture f : fixtures) {
      Map<String, String> attributes = f.attributes();
      String id = f.spec().id();
      attributes.forEach(
          (name, value) -> {
            props.put("fixtures." + id + "." + name, value);
            env.put(envName("fixtures." + id + "." + name), value);
          });
      f.spec()
          .expose()
          .forEach(
              (name, template) -> {
                String value = Interpolator.replace(template, attributes::get);
                props.put(name, value);
                env.put(envName(name), value);
              });
    }
    return new TestJvmProperties(Map.copyOf(props), Map.copyOf(env));
  }

  /** {@code fixtures.orders-db.jdbc-url} as {@code FIXTURES_ORDERS_DB_JDBC_URL}. */
  public static String envName(String name) {
    return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
