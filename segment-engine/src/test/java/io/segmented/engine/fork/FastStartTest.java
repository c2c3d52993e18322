package io.segmented.engine.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FastStartTest {

  @Test
  void aJvmWithNoChoiceGetsTheClientCompilerAndTheSerialCollector() {
    assertEquals(
        List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
        FastStart.added(List.of("-Xmx256m", "-Dbench.fail=false")));
  }

  @Test
  void aJvmWhoseOptionsChoseKeepsItsChoice() {
    // a segment that runs long CPU-bound tests asks for the optimising compiler back
    assertEquals(List.of("-XX:+UseSerialGC"), FastStart.added(List.of("-XX:TieredStopAtLevel=4")));
    // a second collector would stop the JVM from starting
    assertEquals(List.of("-XX:TieredStopAtLevel=1"), FastStart.added(List.of("-XX:+UseZGC")));
    assertEquals(
        List.of("-XX:TieredStopAtLevel=1"), FastStart.added(List.of("-XX:-UseParallelGC")));
    assertEquals(List.of(), FastStart.added(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseG1GC")));
  }

  @Test
  void optionsTheEnvironmentGivesTheJvmCountAsItsChoice() {
    // a collector in JAVA_TOOL_OPTIONS beside an added one would stop every test JVM
    assertEquals(
        List.of("-XX:TieredStopAtLevel=1"),
        FastStart.added(List.of(), Map.of("JAVA_TOOL_OPTIONS", " -Xss2m -XX:+UseG1GC ")::get));
    assertEquals(
        List.of("-XX:+UseSerialGC"),
        FastStart.added(List.of(), Map.of("JDK_JAVA_OPTIONS", "-XX:TieredStopAtLevel=4")::get));
    assertEquals(
        List.of(),
        FastStart.added(
            List.of("-XX:+UseZGC"), Map.of("_JAVA_OPTIONS", "-XX:TieredStopAtLevel=3")::get));
    assertEquals(
        List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
        FastStart.added(List.of(), Map.of("MAVEN_OPTS", "-XX:+UseG1GC")::get));
  }

  @Test
  void optionsInOneStringAreReadOptionByOptionAndKeptAsTheyAre() {
    assertEquals(
        "-Xmx128m   -XX:+UseG1GC -XX:TieredStopAtLevel=1",
        FastStart.options("  -Xmx128m   -XX:+UseG1GC "));
    assertEquals("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC", FastStart.options(""));
  }
}
