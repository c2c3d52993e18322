package it.j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the test JVM was started with, as the JVM itself reports it. */
class JvmOptionsIT {

  private static final List<String> ARGS = ManagementFactory.getRuntimeMXBean().getInputArguments();

  private static List<String> collectors() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName)
        .toList();
  }

  @Test
  void runsWithTheClientCompilerOnly() {
    assertTrue(ARGS.contains("-XX:TieredStopAtLevel=1"), ARGS.toString());
  }

  @Test
  void runsWithTheCollectorItWasGiven() {
    String expected = System.getProperty("expected.collector");
    assertTrue(
        collectors().stream().anyMatch(c -> c.startsWith(expected)), collectors() + " " + ARGS);
  }
}
