package io.segmented.maven;

import io.segmented.results.Outcome;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;

/** Fails the build when a run's results say so, naming each failed segment, class and test. */
final class Verdict {

  private Verdict() {}

  /**
   * @param failOnFlaky whether FLAKY segments fail the build too ({@code -Dsegment.failOnFlaky})
   */
  static void check(RunResult result, File reportsDirectory, boolean failOnFlaky)
      throws MojoFailureException {
    List<SegmentResult> failed =
        result.segments().stream()
            .filter(s -> s.outcome().failsBuild() || (failOnFlaky && s.outcome() == Outcome.FLAKY))
            .toList();
    if (failed.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder();
    message
        .append(failed.size())
        .append(" of ")
        .append(result.segments().size())
        .append(" segment(s) failed:");
    for (SegmentResult s : failed) {
      message
          .append("\n  segment '")
          .append(s.id())
          .append("' (")
          .append(s.boundaryLabel())
          .append("): ")
          .append(s.outcome().label());
      if (!s.message().isEmpty()) {
        message.append("\n    ").append(s.message().replace("\n", "\n    "));
      }
      for (TestResult t : s.outcome() == Outcome.FLAKY ? s.flaky() : s.failures()) {
        message
            .append("\n    ")
            .append(t.className())
            .append('.')
            .append(t.name())
            .append(": ")
            .append(
                t.outcome() == TestOutcome.FLAKY
                    ? flakyNote(t)
                    : t.message().isEmpty()
                        ? t.type()
                        : t.message().strip().replace("\n", "\n      "));
      }
    }
    if (failOnFlaky && failed.stream().anyMatch(s -> s.outcome() == Outcome.FLAKY)) {
      message.append("\nFlaky tests fail this build because segment.failOnFlaky is set.");
    }
    message.append("\nSee ").append(reportsDirectory).append(" for test output and fixture logs.");
    throw new MojoFailureException(message.toString());
  }

  /** What a flaky test's line starts with: how often it failed before it passed. */
  static String flakyNote(TestResult t) {
    TestResult first = t.attempts().get(0);
    return "FLAKY, failed "
        + t.attempts().size()
        + " of "
        + (t.attempts().size() + 1)
        + " attempts, first with: "
        + (first.message().isEmpty() ? first.type() : first.message().strip());
  }
}
