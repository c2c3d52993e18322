package io.segmented.maven;

import io.segmented.engine.result.RunResult;
import io.segmented.engine.result.SegmentResult;
import io.segmented.engine.result.TestResult;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;

/** Fails the build when a run's results say so, naming each failed segment, class and test. */
final class Verdict {

  private Verdict() {}

  static void check(RunResult result, File reportsDirectory) throws MojoFailureException {
    List<SegmentResult> failed = result.failedSegments();
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
      for (TestResult t : s.failures()) {
        message
            .append("\n    ")
            .append(t.className())
            .append('.')
            .append(t.name())
            .append(": ")
            .append(
                t.message().isEmpty() ? t.type() : t.message().strip().replace("\n", "\n      "));
      }
    }
    message.append("\nSee ").append(reportsDirectory).append(" for test output and fixture logs.");
    throw new MojoFailureException(message.toString());
  }
}
