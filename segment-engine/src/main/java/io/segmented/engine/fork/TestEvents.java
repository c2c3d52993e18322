package io.segmented.engine.fork;

import io.segmented.launcher.Event;
import io.segmented.launcher.EventCodec;
import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a forked test JVM reported through its events file, read after it exited. A JVM that died
 * leaves the file complete up to its last event, which names the test that was running.
 *
 * @param tests the tests that finished or were skipped
 * @param running the test that started and never finished, as {@code class.method}; empty when none
 * @param discovered how many tests discovery found; -1 when discovery never finished
 * @param discoveredBeforeBuildFilters how many the segment's own selectors found, before {@code
 *     -Dit.test} and {@code -Dgroups}; -1 when discovery never finished
 * @param finished whether the JVM reported the end of the run
 * @param uniqueIds the JUnit Platform unique id of each finished test, by {@link TestResult#key()}
 * @param classMillis the wall time of each top-level test class that ended, its set-up and
 *     tear-down included, by class name, in the order they ended
 */
public record TestEvents(
    List<TestResult> tests,
    Optional<String> running,
    int discovered,
    int discoveredBeforeBuildFilters,
    boolean finished,
    Map<String, String> uniqueIds,
    Map<String, Long> classMillis) {

  /** Reads an events file; a missing file is a JVM that never started its tests. */
  public static TestEvents read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new TestEvents(List.of(), Optional.empty(), -1, -1, false, Map.of(), Map.of());
    }
    List<TestResult> tests = new ArrayList<>();
    Map<String, String> uniqueIds = new LinkedHashMap<>();
    Map<String, Boolean> open = new LinkedHashMap<>();
    Map<String, Long> classMillis = new LinkedHashMap<>();
    int discovered = -1;
    int beforeBuildFilters = -1;
    boolean finished = false;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      List<String> f = EventCodec.decode(line);
      Event event;
      try {
        event = Event.valueOf(f.get(0));
      } catch (IllegalArgumentException e) {
        continue;
      }
      switch (event) {
        case RUN_STARTED -> {
          discovered = Integer.parseInt(field(f, 1, "0"));
          beforeBuildFilters = Integer.parseInt(field(f, 2, String.valueOf(discovered)));
        }
        case TEST_STARTED -> open.put(field(f, 1, "") + "." + field(f, 2, ""), true);
        case TEST_SKIPPED ->
            tests.add(
                new TestResult(
                    field(f, 1, ""),
                    field(f, 2, ""),
                    TestOutcome.SKIPPED,
                    0,
                    field(f, 3, ""),
                    "",
                    ""));
        case TEST_FINISHED -> {
          open.remove(field(f, 1, "") + "." + field(f, 2, ""));
          TestResult test = finished(f);
          tests.add(test);
          if (f.size() > 8) {
            uniqueIds.put(test.key(), f.get(8));
          }
        }
        case CLASS_FINISHED ->
            classMillis.merge(field(f, 1, ""), millis(field(f, 2, "0")), Long::sum);
        case RUN_FINISHED -> finished = true;
      }
    }
    Optional<String> running = open.keySet().stream().reduce((a, b) -> b);
    return new TestEvents(
        tests, running, discovered, beforeBuildFilters, finished, uniqueIds, classMillis);
  }

  /**
   * The result a {@code TEST_FINISHED} event's fields tell, from the events file or, without its
   * stack trace, from the JVM's output as the test failed.
   */
  static TestResult finished(List<String> f) {
    return new TestResult(
        field(f, 1, ""),
        field(f, 2, ""),
        TestOutcome.valueOf(field(f, 3, "ERROR")),
        Long.parseLong(field(f, 4, "0")),
        field(f, 5, ""),
        field(f, 6, ""),
        field(f, 7, ""));
  }

  private static long millis(String field) {
    try {
      return Long.parseLong(field);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String field(List<String> fields, int index, String otherwise) {
    return index < fields.size() && !fields.get(index).isEmpty() ? fields.get(index) : otherwise;
  }
}
