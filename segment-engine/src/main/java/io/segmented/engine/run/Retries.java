package io.segmented.engine.run;

import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Folds a retry's results into the earlier ones: a test that failed and now passes is FLAKY, one
 * that fails again keeps failing; either way every earlier attempt stays with it.
 */
final class Retries {

  /** What a class whose set-up failed is reported as; its retry reruns the whole class. */
  static final String CLASS_SET_UP = "(class set-up)";

  private Retries() {}

  /** The tests to retry: those that failed and that the JUnit Platform can select again. */
  static List<String> toRetry(List<TestResult> tests, Map<String, String> uniqueIds) {
    return tests.stream()
        .filter(t -> t.outcome().failed())
        .map(t -> uniqueIds.get(t.key()))
        .filter(id -> id != null && !id.isEmpty())
        .distinct()
        .toList();
  }

  static List<TestResult> merge(List<TestResult> previous, List<TestResult> rerun) {
    Map<String, TestResult> again = new LinkedHashMap<>();
    rerun.forEach(t -> again.put(t.key(), t));
    Set<String> rerunClasses =
        rerun.stream().map(TestResult::className).collect(Collectors.toSet());
    List<TestResult> out = new ArrayList<>();
    for (TestResult t : previous) {
      if (!t.outcome().failed()) {
        out.add(t);
        continue;
      }
      TestResult r = again.remove(t.key());
      if (r == null && t.name().equals(CLASS_SET_UP) && rerunClasses.contains(t.className())) {
        r = new TestResult(t.className(), t.name(), TestOutcome.PASSED, 0, "", "", "");
      }
      if (r == null || r.outcome() == TestOutcome.SKIPPED) {
        out.add(t); // not run again (the retry JVM died or skipped it): the failure stands
        continue;
      }
      List<TestResult> attempts = new ArrayList<>(t.attempts());
      attempts.add(t.after(List.of()));
      out.add(
          r.outcome() == TestOutcome.PASSED
              ? new TestResult(
                  r.className(),
                  r.name(),
                  TestOutcome.FLAKY,
                  r.durationMillis(),
                  "",
                  "",
                  "",
                  attempts)
              : r.after(attempts));
    }
    out.addAll(again.values()); // a rerun class's tests, which the first attempt never reached
    return out;
  }
}
