package io.segmented.bench.shop;

/**
 * The tests' one way to their fixtures: the attributes the plugin hands every segment's JVM as
 * system properties ({@code fixtures.<id>.<attribute>}). Under the baseline ({@code
 * -Dbench.baseline=true}, set by the failsafe profile) nobody hands them over, so the first test
 * that asks starts every container of the suite once for the whole JVM ({@link BaselineFixtures})
 * and publishes the same properties.
 */
public final class Fixtures {

  private Fixtures() {}

  public static String attr(String fixture, String attribute) {
    String name = "fixtures." + fixture + "." + attribute;
    if (System.getProperty(name) == null && Boolean.getBoolean("bench.baseline")) {
      BaselineFixtures.startOnce();
    }
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(
          "No system property "
              + name
              + ": run the tests with mvn segment:run, or under failsafe with -Pbaseline");
    }
    return value;
  }

  /** true when bench/run asks for the failing test of the time-to-first-failure mode. */
  public static boolean failOnPurpose() {
    return Boolean.getBoolean("bench.fail");
  }
}
